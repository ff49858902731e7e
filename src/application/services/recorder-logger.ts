/** Where the recorder reports failed flushes and dropped clicks (adapt it to pino or console). */
export type RecorderLogger = (
  level: "warn" | "error",
  message: string,
  fields: Readonly<Record<string, string | number>>,
) => void;

/** The logger, or nothing, made unable to throw: a failing logger must not fail a flush. */
export function safeLogger(logger: RecorderLogger | undefined): RecorderLogger {
  return (level, message, fields) => {
    try {
      logger?.(level, message, fields);
    } catch {
      // Nowhere left to report it.
    }
  };
}
