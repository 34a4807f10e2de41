import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as the YAML gives it. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

/** Every object of a YAML file (several documents allowed). */
export function readObjects(file: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS() as KubernetesObject;
  });
}

/**
 * The objects `kubectl kustomize <directory>` makes, for the part of Kustomize this repository
 * uses: `resources` (files and directories with a kustomization), `namespace`, `images` (newName,
 * newTag) and `patches` (strategic-merge patch files: maps merge, lists of named items merge by
 * name). Any other field is refused, so the render can never silently differ from kubectl's.
 */
export function kustomize(directory: string): KubernetesObject[] {
  const [kustomization] = readObjects(join(directory, 'kustomization.yaml')) as unknown as Record<string, unknown>[];
  const unknown = Object.keys(kustomization).filter((field) => !KNOWN_FIELDS.has(field));
  if (unknown.length) throw new Error(`${directory}/kustomization.yaml: this renderer does not support ${unknown.join(', ')}`);
  let objects = ((kustomization.resources ?? []) as string[]).flatMap((resource) => {
    const path = join(directory, resource);
    return statSync(path).isDirectory() ? kustomize(path) : readObjects(path);
  });
  for (const { path } of (kustomization.patches ?? []) as { path: string }[]) {
    for (const patch of readObjects(join(directory, path))) {
      const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`${directory}/${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      objects = objects.map((o) => (o === target ? (merge(o, patch) as KubernetesObject) : o));
    }
  }
  const namespace = kustomization.namespace as string | undefined;
  if (namespace) objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace } }));
  for (const image of (kustomization.images ?? []) as { name: string; newName?: string; newTag?: string }[]) {
    objects = objects.map((o) => replaceImages(o, image) as KubernetesObject);
  }
  return objects;
}

function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && patch.every(isNamed) && base.every(isNamed)) {
    const merged = base.map((item) => {
      const over = patch.find((p) => p.name === item.name);
      return over ? merge(item, over) : item;
    });
    return [...merged, ...patch.filter((p) => !base.some((b) => b.name === p.name))];
  }
  if (isMap(base) && isMap(patch)) {
    return Object.fromEntries(
      [...new Set([...Object.keys(base), ...Object.keys(patch)])].map((key) => [key, key in patch ? merge(base[key], patch[key]) : base[key]]),
    );
  }
  return patch;
}

function replaceImages(value: unknown, image: { name: string; newName?: string; newTag?: string }): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceImages(item, image));
  if (!isMap(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (key !== 'image' || typeof field !== 'string') return [key, replaceImages(field, image)];
      // The tag follows the last colon after the last slash (a registry may have a port: host:5000/name:tag).
      const colon = field.lastIndexOf(':');
      const [name, tag] = colon > field.lastIndexOf('/') ? [field.slice(0, colon), field.slice(colon + 1)] : [field, undefined];
      if (name !== image.name) return [key, field];
      const newTag = image.newTag ?? tag;
      return [key, `${image.newName ?? name}${newTag ? `:${newTag}` : ''}`];
    }),
  );
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamed = (value: unknown): value is { name: string } => isMap(value) && typeof value.name === 'string';
