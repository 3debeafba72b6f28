/**
 * A ReadableStream of text chunks for a Response body (CSV exports): each chunk is produced
 * only when the client reads, so a large export never sits in memory, and a client that goes
 * away stops the generator.
 */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
