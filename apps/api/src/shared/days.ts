/** The company's day is China's: due dates, follow-ups, periods and yearly numbers use it. */
export function shanghaiDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at);
}

/** The start of a Shanghai day as an instant. */
export const shanghaiDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** A YYYY-MM-DD day `n` days later (or earlier). */
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
