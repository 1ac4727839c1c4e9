// zod reads this object as its global config when its module first loads. jitless: no
// `new Function` probe, which a Content-Security-Policy without 'unsafe-eval' would report as a
// violation (zod catches the error, and falls back to this same mode).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
