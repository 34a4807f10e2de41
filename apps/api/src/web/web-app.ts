import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import compression from 'compression';
import type { RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** The repository (or image) root: the nearest folder above this file with a package.json. */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where `vite build` writes the web app (apps/web/vite.config.ts). */
export const WEB_APP_ROOT = join(projectRoot(), 'dist', 'web');

/**
 * Every GET that is not for the API or the queue dashboard: a page of the web app, answered with
 * index.html so that each of its URLs can be bookmarked (the app routes in the browser).
 */
export const WEB_APP_PATHS = /^\/(?!api(?:\/|$)|admin(?:\/|$)).*/;

/** index.html must be asked for again each time (it names the current bundles); the hashed bundles never change. */
export function webAppCacheHeaders(response: Response, path: string): void {
  if (path.endsWith(`${sep}index.html`)) response.setHeader('Cache-Control', 'no-cache');
  else if (path.includes(`${sep}assets${sep}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

/**
 * The web app's page and bundles go out gzipped (its first visit: ~120 kB instead of ~400 kB); the
 * API's answers do not, and an API request does not enter compression at all (it wrapped each
 * answer's writes only to find, at the first of them, that there was nothing to compress).
 */
export function webAppCompression(): RequestHandler {
  const compress = compression();
  return (req, res, next) => (WEB_APP_PATHS.test(req.path) ? compress(req, res, next) : next());
}

/** Serves the built web app at `/`, when it has been built (`npm run build`). */
@Module({})
export class WebAppModule {
  static register(root = WEB_APP_ROOT): DynamicModule {
    if (!existsSync(join(root, 'index.html'))) {
      const warning = `The web app is not built (no ${join(root, 'index.html')}): run "npm run build" to serve it at /.`;
      // A provider, so that the warning goes through the application's logger when the API starts.
      return { module: WebAppModule, providers: [{ provide: 'WEB_APP_NOT_BUILT', useFactory: () => new Logger('WebApp').warn(warning) }] };
    }
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          renderPath: WEB_APP_PATHS,
          serveStaticOptions: { index: false, cacheControl: false, setHeaders: webAppCacheHeaders },
        }),
      ],
    };
  }
}
