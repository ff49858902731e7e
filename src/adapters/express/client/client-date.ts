import { DomainError } from "../../../domain/errors/domain-error.js";
import { type Day, parseDay } from "../../../domain/time/day.js";

const CLIENT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A client API date (`dd/MM/yyyy`, e.g. `01/08/2020`) as a UTC day, checked as a real calendar date.
 * @throws DomainError invalid_date_range
 */
export function parseClientDate(value: string): Day {
  const match = CLIENT_DATE.exec(value.trim());
  if (match === null) {
    throw new DomainError("invalid_date_range", `'${value}' is not a date of the form dd/MM/yyyy.`);
  }
  const [, day = "", month = "", year = ""] = match;
  return parseDay(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`);
}

/** A UTC day as the client API writes it: `dd/MM/yyyy`. */
export function formatClientDate(day: Day): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}
