// Writes the desk's OpenAPI document (JSON) to the file named by the first argument, from the Nest app's own
// decorators, without listening. Run via `npm run web:api-types` (ts-node + tsconfig-paths load the API's sources).
// It needs the database and Redis of DATABASE_URL / REDIS_URL, as the API does at start. Only paths and schemas
// matter to openapi-typescript, so the title here need not match bootstrap.ts.
const fs = require('node:fs');
const path = require('node:path');
const { DocumentBuilder, SwaggerModule } = require('@nestjs/swagger');
const { createApi } = require('../../api/src/bootstrap');

async function main(out) {
  const app = await createApi();
  await app.init();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Question Desk').setVersion('1').addBearerAuth().build());
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(document, null, 2));
  await app.close();
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
