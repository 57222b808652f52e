// Moving the dataset clock on the calendar, as PostgreSQL adds an interval to a timestamp: days
// are 24 hours (the clock is UTC), a month keeps the day of the month unless the month is
// shorter (January 31 plus one month is February 28 or 29), a year is twelve months.

const CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
export const UNITS = ['days', 'months', 'years'];

const text = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** `clock` ('YYYY-MM-DD HH:MM:SS') moved by `amount` (a whole number) of `unit`; null if unreadable. */
export function advanceClock(clock, amount, unit) {
  const parts = CLOCK.exec(clock);
  if (!parts || !Number.isSafeInteger(amount) || !UNITS.includes(unit)) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  if (unit === 'days') return text(Date.UTC(year, month - 1, day, hour, minute, second) + amount * 86_400_000);
  const months = month - 1 + (unit === 'years' ? 12 * amount : amount);
  const toYear = year + Math.floor(months / 12);
  const toMonth = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(toYear, toMonth + 1, 0)).getUTCDate();
  return text(Date.UTC(toYear, toMonth, Math.min(day, lastDay), hour, minute, second));
}

/** Whole days from `from` to `to` (both clock texts), for saying how far the clock was moved. */
export function daysBetween(from, to) {
  const ms = (clock) => Date.parse(`${clock.replace(' ', 'T')}Z`);
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
