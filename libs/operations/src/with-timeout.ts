/** `work`, or an error saying it gave no answer within `ms`: health checks must answer quickly. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  // When the time runs out first, `work` may still fail later (Redis refusing the connection): that
  // failure has been answered already and must not surface as an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
