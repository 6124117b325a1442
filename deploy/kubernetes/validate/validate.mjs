// Offline check of a kustomization against the Kubernetes and Prometheus Operator schemas, without
// kubectl or a cluster: reads kustomization.yaml, loads every resource it lists, builds the
// ConfigMaps and Secrets of its generators from their files, and validates each object with the
// JSON schemas of kubernetes-models and @kubernetes-models/prometheus-operator. Also checks that
// every workload's selector matches its pod labels and that every named probe port exists.
//   node validate.mjs [DIR]    (DIR holds kustomization.yaml; default ..)
// Prints "OK Kind/name" per object; exits 1 with "INVALID ..." lines when anything is wrong.
import { readFileSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const MODULES = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, ".."));
const errors = [];
let checked = 0;

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, "utf8")).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return doc.toJS();
  }).filter((obj) => obj != null);
}

function generated(kustomization) {
  const objects = [];
  const make = (kind, generator) => {
    const data = {};
    for (const file of generator.files ?? []) {
      const path = join(dir, file);
      if (!existsSync(path)) { errors.push(`INVALID ${kind}/${generator.name}: missing file ${file}`); continue; }
      const content = readFileSync(path, "utf8");
      data[file.split("/").pop()] = kind === "Secret" ? Buffer.from(content).toString("base64") : content;
    }
    objects.push({ apiVersion: "v1", kind, metadata: { name: generator.name }, data });
  };
  (kustomization.configMapGenerator ?? []).forEach((g) => make("ConfigMap", g));
  (kustomization.secretGenerator ?? []).forEach((g) => make("Secret", g));
  return objects;
}

async function validate(obj, source) {
  const label = `${obj?.kind}/${obj?.metadata?.name} (${source})`;
  const module = MODULES[obj?.apiVersion];
  if (!module) { errors.push(`INVALID ${label}: unknown apiVersion ${obj?.apiVersion}`); return; }
  let Model;
  try {
    Model = (await import(`${module}/${obj.kind}`))[obj.kind];
  } catch {
    errors.push(`INVALID ${label}: unknown kind ${obj.kind} in ${obj.apiVersion}`);
    return;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    errors.push(`INVALID ${label}: ${e.message}`);
    return;
  }
  const problems = consistency(obj);
  if (problems.length) { problems.forEach((p) => errors.push(`INVALID ${label}: ${p}`)); return; }
  checked++;
  console.log(`OK ${obj.kind}/${obj.metadata.name}`);
}

function consistency(obj) {
  const problems = [];
  const template = obj.spec?.template;
  if (template && obj.spec?.selector?.matchLabels) {
    for (const [key, value] of Object.entries(obj.spec.selector.matchLabels)) {
      if (template.metadata?.labels?.[key] !== value) problems.push(`selector ${key}=${value} does not match the pod labels`);
    }
  }
  for (const container of template?.spec?.containers ?? []) {
    const ports = new Set((container.ports ?? []).map((p) => p.name));
    for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
      const port = container[probe]?.httpGet?.port;
      if (typeof port === "string" && !ports.has(port)) problems.push(`${container.name}.${probe} uses unknown port ${port}`);
    }
  }
  return problems;
}

const kustomizationFile = join(dir, "kustomization.yaml");
const [kustomization] = readYaml(kustomizationFile);
for (const resource of kustomization.resources ?? []) {
  const path = join(dir, resource);
  if (!existsSync(path)) { errors.push(`INVALID ${resource}: listed in kustomization.yaml but missing`); continue; }
  for (const obj of readYaml(path)) await validate(obj, resource);
}
for (const obj of generated(kustomization)) await validate(obj, "generator");

if (errors.length) {
  errors.forEach((e) => console.log(e));
  console.log(`${errors.length} invalid, ${checked} valid objects in ${kustomizationFile}`);
  process.exit(1);
}
console.log(`${checked} objects valid in ${kustomizationFile}`);
