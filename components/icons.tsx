export type IconName = 'renew' | 'trash' | 'gear';

/** A decorative icon (drawn by globals.css); the control that holds one carries the accessible name. */
export function Icon({ name }: { name: IconName }) {
  return <span className={`icon icon-${name}`} aria-hidden="true" />;
}
