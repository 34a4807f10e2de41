// Writes the desk's OpenAPI document (JSON) to the file named by the first argument, from the Nest app's own document builder,
// without listening. Run via `npm run web:api-types` (ts-node + tsconfig-paths load the API's sources).
// It needs the database and Redis of DATABASE_URL / REDIS_URL, as the API does at start.
const { SwaggerModule } = require('@nestjs/swagger');
const { createApi } = require('../../api/src/bootstrap');

async function main() {
  const app = await createApi();
  await app.init();
  const { DocumentBuilder } = require('@nestjs/swagger');
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Question Desk').setVersion('1').addBearerAuth().build());
  const fs = require('node:fs');
  fs.mkdirSync(require('node:path').dirname(process.argv[2]), { recursive: true });
  fs.writeFileSync(process.argv[2], JSON.stringify(document, null, 2));
  await app.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
