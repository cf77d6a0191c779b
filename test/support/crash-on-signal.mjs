// Preloaded into the bot by a test (node --import): on SIGUSR2 a promise is rejected and nothing
// handles it, the way a bug would.
process.on('SIGUSR2', () => {
  Promise.reject(new Error('a bug nobody caught'));
});
