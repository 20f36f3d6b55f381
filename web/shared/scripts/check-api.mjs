// Fails when src/api/schema.gen.ts no longer matches docs/api/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const committed = path.join(here, '../src/api/schema.gen.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'kinora-api-'));
try {
  const fresh = path.join(dir, 'schema.gen.ts');
  execFileSync('npx', ['openapi-typescript', path.join(here, '../../../docs/api/openapi.json'), '-o', fresh], {
    stdio: 'ignore',
  });
  // Prettier may have reformatted the committed copy, so compare without whitespace.
  const squash = (f) => readFileSync(f, 'utf8').replace(/\s+/g, '');
  if (squash(fresh) !== squash(committed)) {
    console.error('web/shared/src/api/schema.gen.ts is stale: run `npm run gen:api` in web/');
    process.exit(1);
  }
  console.log('schema.gen.ts matches docs/api/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
