'use client';

import { loadStripe, type Stripe, type StripeElements } from '@stripe/stripe-js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { cardFailureCode, cardFailureMessage } from '@/domain/card-declines';
import type { Locale } from '@/domain/money';

interface Props { publishableKey: string; clientSecret: string; returnPath: string; locale: Locale; labels: { pay: string; loading: string; failed: string } }

/** Stripe's Payment Element, in the portal's language; the outcome reaches the order through Stripe's webhook. */
export function StripeCardForm({ publishableKey, clientSecret, returnPath, locale, labels }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadStripe(publishableKey).then((loaded) => {
      if (!loaded || cancelled || !mount.current) return;
      const elements = loaded.elements({ clientSecret, locale });
      elements.create('payment').mount(mount.current);
      setStripe({ stripe: loaded, elements });
    });
    return () => { cancelled = true; };
  }, [publishableKey, clientSecret, locale]);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe) return;
    const result = await stripe.stripe.confirmPayment({ elements: stripe.elements, confirmParams: { return_url: `${window.location.origin}${returnPath}` } });
    // A refused card is told in our words; Stripe's own messages (an incomplete field…) come in the portal's language.
    if (result.error) setError(result.error.type === 'card_error' ? `${labels.failed}: ${cardFailureMessage(cardFailureCode(result.error), locale)}.` : result.error.message ?? null);
  }

  return (
    <form onSubmit={pay}>
      <div ref={mount}>{!stripe && <p>{labels.loading}</p>}</div>
      <p role="alert" className="error">{error}</p>
      <p><button type="submit" disabled={!stripe}>{labels.pay}</button></p>
    </form>
  );
}
