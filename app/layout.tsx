import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale } from '@/portal/i18n';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pannello Clienti', template: '%s · Pannello Clienti' },
  description: 'Servizi, scadenziario, ordini e fatture',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body>{children}</body>
    </html>
  );
}
