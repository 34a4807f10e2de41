import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kustomize, readObjects, type KubernetesObject } from './kustomize';

const HERE = __dirname;
const ROOT = join(HERE, '..', '..');

interface Container {
  name: string;
  image: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
  livenessProbe?: { httpGet?: { path: string }; tcpSocket?: unknown };
  readinessProbe?: { httpGet?: { path: string } };
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
}

/** The object's validation against the Kubernetes API schema that kubernetes-models ships (types, required fields, enums). */
function validate(object: KubernetesObject): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module depends on the object's apiVersion
  const models = require(`kubernetes-models/${object.apiVersion}`) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[object.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const podSpecOf = (o: KubernetesObject): PodSpec | undefined => (o.spec as { template?: { spec: PodSpec } } | undefined)?.template?.spec;
const labelsMatch = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each([
  ['base', join(HERE, 'base')],
  ['overlays/production', join(HERE, 'overlays', 'production')],
])('the Kubernetes manifests of %s', (_name, directory) => {
  const objects = kustomize(directory);
  const workloads = objects.filter((o) => podSpecOf(o));
  const deployments = objects.filter((o) => o.kind === 'Deployment');

  it('are valid Kubernetes objects', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/question-desk-config',
      'Deployment/question-desk-api',
      'Deployment/question-desk-worker',
      'Job/question-desk-migrate',
      'PodDisruptionBudget/question-desk-api',
      'PodDisruptionBudget/question-desk-worker',
      'Service/question-desk-api',
    ]);
    for (const object of objects) expect(() => validate(object)).not.toThrow();
  });

  it('run two replicas of the API and of the worker, each kept at one or more by a PodDisruptionBudget', () => {
    for (const deployment of deployments) {
      const spec = deployment.spec as {
        replicas: number;
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> } };
      };
      expect(spec.replicas).toBe(2);
      expect(labelsMatch(spec.selector.matchLabels, spec.template.metadata.labels)).toBe(true);
      const budgets = objects.filter(
        (o) =>
          o.kind === 'PodDisruptionBudget' &&
          labelsMatch((o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, spec.template.metadata.labels),
      );
      expect(budgets.map((b) => (b.spec as { minAvailable: number }).minAvailable)).toEqual([1]);
    }
  });

  it('pin every image to a version, limit every container and never run as root', () => {
    for (const workload of workloads) {
      const pod = podSpecOf(workload)!;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      for (const container of pod.containers) {
        expect(container.image).toMatch(/^[^:]+:(?!latest$)[\w.-]+$/);
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
        expect(container.envFrom).toEqual([{ configMapRef: { name: 'question-desk-config' } }, { secretRef: { name: 'question-desk-secrets' } }]);
      }
    }
  });

  it('take an API pod out of the Service while /api/health fails, but restart it only when the process stops answering', () => {
    const api = podSpecOf(deployments.find((d) => d.metadata.name === 'question-desk-api')!)!.containers[0];
    expect(api.readinessProbe?.httpGet?.path).toBe('/api/health');
    // /api/health answers 503 while PostgreSQL or Redis is down: restarting pods for that would not help.
    expect(api.livenessProbe?.httpGet).toBeUndefined();
    expect(api.livenessProbe?.tcpSocket).toBeDefined();
  });

  it('migrate with the CLI’s migrate command in a Job', () => {
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(podSpecOf(job)!.containers[0]).toMatchObject({ command: ['node', 'dist/apps/cli/src/main.js', 'migrate'] });
  });
});

describe('the production overlay', () => {
  it('puts everything in its namespace, takes the image from the registry and sets the public address', () => {
    const objects = kustomize(join(HERE, 'overlays', 'production'));
    expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set(['question-desk']));
    expect(new Set(objects.flatMap((o) => podSpecOf(o)?.containers.map((c) => c.image) ?? []))).toEqual(new Set(['registry.example.org/question-desk:0.1.0']));
    const config = objects.find((o) => o.kind === 'ConfigMap')!.data as Record<string, string>;
    expect(config).toMatchObject({ NODE_ENV: 'production', PUBLIC_URL: 'https://vragendesk.example.org' });
  });
});

describe('the example Secret', () => {
  it('is valid and holds the secret variables', () => {
    const [secret] = readObjects(join(HERE, 'secret.example.yaml'));
    expect(() => validate(secret)).not.toThrow();
    expect(Object.keys(secret.stringData as object).sort()).toEqual(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'TOKEN_SECRET']);
  });
});

describe('every configuration variable of the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
  const variables = [...table.matchAll(/^\| (`[A-Z_]+`(?: \/ `[A-Z_]+`)*) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z_]+)`/g)].map((v) => v[1]));

  it('is found in the table', () => {
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'REMINDER_LEASE']));
  });

  it('is listed in .env.example, for docker compose', () => {
    const listed = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(variables.filter((v) => !listed.includes(v))).toEqual([]);
  });

  it('reaches the containers of docker compose (env_file .env, optional)', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/env_file:\s*\n\s*- path: \.env\n\s*required: false/);
  });
});
