/** Batch ids `<prefix>.<n>`, n counting up from 1 in base 36: unique while no two sources share a prefix. */
export function sequentialBatchIds(prefix: string): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `${prefix}.${count.toString(36)}`;
  };
}
