/**
 * A value made on first use. Intl formatters load locale data when made (tens of milliseconds at start-up for
 * a handful of them), so pages make theirs when first drawn rather than when the server loads.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
