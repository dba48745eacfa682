/**
 * How the benchmark's servers listen and stop: a free port on 127.0.0.1, printed first on
 * stdout; they close when asked (SIGINT, SIGTERM) or when their stdin closes, so they never
 * outlive the benchmark that started them. Plain JavaScript: the servers run without any
 * TypeScript loader, as `npm start` does.
 *
 * @param {import('fastify').FastifyInstance} server
 */
export async function listenAndReport(server) {
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, stop);
  if (!process.stdin.isTTY) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  process.stdout.write(`${address.port}\n`);
}
