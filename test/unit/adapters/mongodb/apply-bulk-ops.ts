import type { AnyBulkWriteOperation, Document } from "mongodb";
import type { ClickDayDocument } from "../../../../src/adapters/mongodb/click-day-document.js";

type Fields = Record<string, unknown>;

/**
 * Applies update operations to documents held in memory, as a server applies an unordered `bulkWrite` on a
 * collection unique on linkId and day: an upsert whose filter misses a document of its link and day is
 * refused as a duplicate key, and the others go on. Answers the indexes of the refused operations. It knows
 * only the operators the click store uses, and throws on anything else or on a field path MongoDB refuses,
 * so that a test through it checks the operations too.
 */
export function applyBulkOps(
  documents: ClickDayDocument[],
  operations: readonly AnyBulkWriteOperation<ClickDayDocument>[],
): number[] {
  const refused: number[] = [];
  for (const [index, operation] of operations.entries()) {
    if (!("updateOne" in operation)) throw new Error("only updateOne is expected");
    const { filter, update, upsert } = operation.updateOne as {
      filter: Fields;
      update: Document;
      upsert?: boolean;
    };
    let document = documents.find((candidate) => matches(candidate as unknown as Fields, filter));
    const inserted = document === undefined;
    if (document === undefined) {
      if (upsert !== true) continue;
      const linkId = equalTo(filter.linkId);
      const day = equalTo(filter.day);
      if (documents.some((other) => other.linkId === linkId && other.day === day)) {
        refused.push(index);
        continue;
      }
      document = { linkId, day } as ClickDayDocument;
      documents.push(document);
    }
    const target = document as unknown as Fields;
    for (const [operator, fields] of Object.entries(update)) {
      if (operator === "$setOnInsert" && !inserted) continue;
      for (const [path, value] of Object.entries(fields as Fields)) apply(target, operator, path, value);
    }
  }
  return refused;
}

function matches(document: Fields, filter: Fields): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    const value = read(document, path);
    const { $eq, $exists, $ne, $not, ...rest } = condition as Fields;
    if (Object.keys(rest).length > 0) throw new Error(`unexpected condition on ${path}`);
    if ($not !== undefined) {
      const { $gte, ...others } = $not as Fields;
      if (Object.keys(others).length > 0 || typeof $gte !== "number") throw new Error("$not takes $gte only");
      // As in MongoDB, a missing field matches: it is not greater than or equal to anything.
      return !(typeof value === "number" && value >= $gte);
    }
    if ($exists !== undefined) return (value !== undefined) === $exists;
    // As in MongoDB, $ne on an array matches when no element equals the value.
    if ($ne !== undefined) return Array.isArray(value) ? !value.includes($ne) : value !== $ne;
    return value === $eq;
  });
}

function equalTo(condition: unknown): string {
  const value = (condition as Fields).$eq;
  if (typeof value !== "string") throw new Error("upsert filters match with $eq on strings");
  return value;
}

function apply(document: Fields, operator: string, path: string, value: unknown): void {
  const current = read(document, path);
  if (operator === "$setOnInsert" || operator === "$set") write(document, path, value);
  else if (operator === "$inc")
    write(document, path, ((current as number | undefined) ?? 0) + (value as number));
  else if (operator === "$max")
    write(document, path, Math.max((current as number | undefined) ?? 0, value as number));
  else if (operator === "$addToSet") {
    const set = new Set((current as string[] | undefined) ?? []);
    for (const item of (value as { $each: string[] }).$each) set.add(item);
    write(document, path, [...set]);
  } else if (operator === "$push") {
    const { $each, $slice, ...rest } = value as { $each: string[]; $slice: number };
    if (Object.keys(rest).length > 0 || $slice >= 0) throw new Error("$push takes $each and $slice < 0");
    write(document, path, [...((current as string[] | undefined) ?? []), ...$each].slice($slice));
  } else throw new Error(`unexpected operator ${operator}`);
}

function segments(path: string): string[] {
  const parts = path.split(".");
  if (parts.some((part) => part === "" || part.startsWith("$") || part.includes("\u0000"))) {
    throw new Error(`MongoDB refuses the field path ${JSON.stringify(path)}`);
  }
  return parts;
}

function read(document: Fields, path: string): unknown {
  let at: unknown = document;
  for (const part of segments(path)) {
    at = typeof at === "object" && at !== null && Object.hasOwn(at, part) ? (at as Fields)[part] : undefined;
  }
  return at;
}

// Fields are defined, never assigned, so that a value such as `__proto__` stays an ordinary field.
function write(document: Fields, path: string, value: unknown): void {
  const parts = segments(path);
  const last = parts.pop() as string;
  let at = document;
  for (const part of parts) {
    if (!Object.hasOwn(at, part)) define(at, part, {});
    at = at[part] as Fields;
  }
  define(at, last, value);
}

function define(fields: Fields, name: string, value: unknown): void {
  Object.defineProperty(fields, name, { value, writable: true, enumerable: true, configurable: true });
}
