// The layers Lightstick is built in, checked by `npm test` (test/architecture/layers.test.ts):
// Discord or console -> router -> command -> core -> store, with text made in one presentation
// layer. A violation fails the suite with the rule's name.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules together so that neither can change or be tested alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'Core is domain logic: no Discord, no commands, no presentation, no runtimes, no SQL.',
      from: { path: '^src/core/' },
      to: {
        path: [
          '^commands/',
          '^db/',
          '^src/(presentation|discord|console|trivia|anniversaries|import|hosting|cards)/',
          'node_modules/(discord\\.js|@discordjs|discord-api-types|better-sqlite3|drizzle-orm|i18next|pino)/',
        ],
      },
    },
    {
      name: 'store-imports-nothing-above',
      severity: 'error',
      comment:
        'The store implements the ports core declares (type-only imports of src/core); it never reaches up into core logic, commands, presentation or runtimes.',
      from: { path: '^db/' },
      to: { path: ['^commands/', '^src/(?!core/)'] },
    },
    {
      name: 'store-uses-only-core-types',
      severity: 'error',
      comment:
        "The store may name the types core declares, but does not run core code; except core's definitions of identity (how names fold, what a fact's natural key is), which the store must apply exactly as core does.",
      from: { path: '^db/' },
      to: { path: '^src/core/', pathNot: '^src/core/(names|contributed-facts)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'presentation-imports-no-store',
      severity: 'error',
      comment: 'Presentation renders core data to messages: it knows no store, no commands, no runtime.',
      from: { path: '^src/presentation/' },
      to: {
        path: [
          '^db/',
          '^commands/',
          '^src/(discord|console|trivia|anniversaries|import|hosting)/',
          'node_modules/(discord\\.js|better-sqlite3|drizzle-orm)/',
        ],
      },
    },
    {
      name: 'engines-are-handed-renderers',
      severity: 'error',
      comment: 'The trivia engine and the anniversary ticker get their renderers from whoever builds them.',
      from: { path: '^src/(trivia|anniversaries)/' },
      to: { path: '^(src/presentation/|commands/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commands-know-no-runtime',
      severity: 'error',
      comment: 'Commands run the same in the console and on Discord: they import neither runtime, nor discord.js.',
      from: { path: '^commands/' },
      to: { path: ['^src/(discord|console)/', 'node_modules/discord\\.js/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)test/(?!architecture/fixture/)', '^bench/', 'node_modules', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
