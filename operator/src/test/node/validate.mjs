// Validates every Kubernetes object in the YAML files under the given directories against the Kubernetes OpenAPI
// schemas (types, required fields, formats), using the models of the kubernetes-models package, and the kinds of
// prometheus-operator, the Gateway API and cert-manager against their CRDs' schemas (the @kubernetes-models packages).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

function yamlFiles(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).flatMap((entry) => yamlFiles(join(path, entry)));
  }
  return path.endsWith(".yaml") || path.endsWith(".yml") ? [path] : [];
}

const CRD_PACKAGES = {
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

let valid = 0;
let invalid = 0;
for (const file of process.argv.slice(2).flatMap(yamlFiles)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = document.toJS();
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
    try {
      const models = CRD_PACKAGES[group] ?? "kubernetes-models";
      const module = await import(`${models}/${group ? `${group}/` : ""}${version}/${object.kind}`);
      new module[object.kind](object).validate();
      valid++;
    } catch (error) {
      invalid++;
      console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${error.message}`);
    }
  }
}
console.log(`kubernetes-models schema check: ${valid} objects valid, ${invalid} invalid`);
process.exit(invalid > 0 || valid === 0 ? 1 : 0);
