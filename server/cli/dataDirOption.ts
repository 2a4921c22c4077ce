/** The `--data-dir` option every server CLI shares, defaulting like the server itself. */
export const dataDirOption = {
  'data-dir': { type: 'string', default: process.env.MOTCUA_SERVER_DATA ?? 'data/server' },
} as const;
