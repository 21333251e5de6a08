import { Temporal } from 'temporal-polyfill';
import { TIME_ZONE } from '../calendar';

/**
 * The instant of an SdI date and time (xsd:dateTime, as `parseSdiNotification` returns it), in epoch
 * milliseconds: with its offset when written, otherwise as Italian time. Null for one no calendar can place.
 */
export function sdiInstant(dateTime: string): number | null {
  try {
    const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(dateTime);
    const instant = zoned ? Temporal.Instant.from(dateTime) : Temporal.PlainDateTime.from(dateTime).toZonedDateTime(TIME_ZONE).toInstant();
    return instant.epochMilliseconds;
  } catch {
    return null;
  }
}
