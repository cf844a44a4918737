#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  SdkAzureReader,
  connectionFailureMessage,
  createClients,
  readErrorLine
} from "./chunk-HBBZYGCR.js";
import "./chunk-FRBLMQPP.js";
import {
  dump,
  isGuid,
  parseResourceId,
  resourceIdKey,
  targetKindOfId
} from "./chunk-U5VPZIUV.js";
import {
  singleLine
} from "./chunk-VQEEO6FB.js";
import "./chunk-ACFZ3IEQ.js";
import {
  EXIT_ERROR,
  EXIT_OK,
  UsageError
} from "./chunk-BSYTSFL5.js";
import "./chunk-6YIJE4HJ.js";

// src/cli/commands/export.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/engine/spec/export.ts
function resourceGroupOf(id) {
  const parsed = parseResourceId(id);
  return parsed.ok ? parsed.id.resourceGroup : "";
}
function declaredEndpoints(vault, endpoints) {
  const vaultGroup = resourceGroupOf(vault.id);
  return endpoints.flatMap((endpoint) => {
    const link = endpoint.connections.find(
      (connection) => resourceIdKey(connection.targetId) === resourceIdKey(vault.id)
    );
    if (!link) return [];
    const group = resourceGroupOf(endpoint.id);
    return [
      {
        name: endpoint.name,
        ...group.toLowerCase() === vaultGroup.toLowerCase() ? {} : { resourceGroup: group },
        subnet: endpoint.subnetId,
        connectionName: link.name,
        ...link.manual ? { manualApproval: true } : {}
      }
    ];
  });
}
function hiddenFirewallNote(vaults) {
  const hidden = vaults.filter((vault) => vault.network.firewallHidden).map((vault) => vault.name.replace(/[^A-Za-z0-9-]/g, "?"));
  if (hidden.length === 0) return [];
  return [
    `# Public access is disabled on ${hidden.join(", ")}, and Azure does not show the firewall then:`,
    "# it is exported closed (defaultAction: Deny, no rules); review it before enabling public access."
  ];
}
function exportSpec(vaults, endpoints, options) {
  const sorted = [...vaults].sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Set(sorted.map((vault) => resourceGroupOf(vault.id)));
  const sharedGroup = groups.size === 1 ? [...groups][0] : void 0;
  const pools = sorted.filter((vault) => targetKindOfId(vault.id).id === "managedHsm");
  const entry = (vault) => ({
    name: vault.name,
    ...sharedGroup ? {} : { resourceGroup: resourceGroupOf(vault.id) },
    publicNetworkAccess: vault.network.publicNetworkAccess,
    // Azure withholds the firewall while public access is Disabled: the closed one is
    // exported, so enabling public access later never opens the vault to everyone.
    firewall: vault.network.firewallHidden ? { defaultAction: "Deny", bypass: "AzureServices" } : {
      defaultAction: vault.network.defaultAction,
      bypass: vault.network.bypass,
      ...vault.network.ipRules.length > 0 ? {
        ipRules: vault.network.ipRules.map(
          (cidr) => cidr.endsWith("/32") ? cidr.slice(0, -3) : cidr
        )
      } : {},
      ...vault.network.virtualNetworkRules.length > 0 ? {
        virtualNetworkRules: vault.network.virtualNetworkRules.map((rule) => ({
          subnet: rule.subnetId,
          serviceEndpoint: "ignore"
        }))
      } : {}
    },
    ...declaredEndpoints(vault, endpoints).length > 0 ? { privateEndpoints: declaredEndpoints(vault, endpoints) } : {}
  });
  const spec = {
    version: 1,
    defaults: {
      subscription: options.subscription,
      ...sharedGroup ? { resourceGroup: sharedGroup } : {},
      ...options.cloud === "AzureCloud" ? {} : { cloud: options.cloud }
    },
    vaults: sorted.filter((vault) => targetKindOfId(vault.id).id === "vault").map(entry),
    ...pools.length > 0 ? { managedHsms: pools.map(entry) } : {}
  };
  const header = [
    `# Exported from live state by ${options.generatedBy}.`,
    "# VNet rules are exported with serviceEndpoint: ignore, so kvnet leaves those subnets alone;",
    "# switch a rule to ensure to let kvnet add the Microsoft.KeyVault endpoint when missing.",
    "# Private endpoints in this subscription are declared as they are (without DNS: add dns to manage it);",
    "# connections from endpoints elsewhere are left out and reported by plan.",
    ...hiddenFirewallNote(sorted)
  ];
  return `${header.join("\n")}
${dump(spec, { lineWidth: -1, noRefs: true })}`;
}

// src/cli/commands/export.ts
var EXPORT_USAGE = `Usage: kvnet export --subscription ID [--resource-group NAME] [--vault NAME] [options]

Writes a spec describing the network of existing vaults, so that "kvnet plan" on it reports
no changes: the way to adopt kvnet on an existing estate.
  --subscription ID     subscription to export (required)
  --resource-group NAME only vaults in this resource group
  --vault NAME          only this vault
  --out FILE            write to FILE instead of standard output
  --arm-endpoint URL, --cloud NAME, --auth KIND   as for kvnet plan`;
function mergeOutcomes(outcomes) {
  const failed = outcomes.find((outcome) => outcome.status === "error");
  if (failed) return failed;
  const found = outcomes.flatMap((outcome) => outcome.status === "ok" ? outcome.value : []);
  return outcomes.every((outcome) => outcome.status === "not-found") ? { status: "not-found" } : { status: "ok", value: found };
}
async function readConnectedEndpoints(reader, subscription, vaults) {
  const groups = /* @__PURE__ */ new Set();
  for (const vault of vaults) {
    for (const connection of vault.connections) {
      const parsed = parseResourceId(connection.privateEndpointId);
      if (parsed.ok && parsed.id.subscription.toLowerCase() === subscription.toLowerCase())
        groups.add(parsed.id.resourceGroup);
    }
  }
  const endpoints = [];
  for (const group of groups) {
    const outcome = await reader.listPrivateEndpoints(subscription, group);
    if (outcome.status === "error") return outcome.error;
    if (outcome.status === "ok") endpoints.push(...outcome.value);
  }
  return endpoints;
}
async function runExport(argv, io) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      subscription: { type: "string" },
      "resource-group": { type: "string" },
      vault: { type: "string" },
      out: { type: "string" },
      "arm-endpoint": { type: "string" },
      cloud: { type: "string" },
      auth: { type: "string" },
      help: { type: "boolean", short: "h", default: false }
    }
  });
  if (values.help) {
    io.out(EXPORT_USAGE);
    return EXIT_OK;
  }
  const subscription = values.subscription;
  if (subscription === void 0) throw new UsageError("--subscription is required");
  if (!isGuid(subscription))
    throw new UsageError(
      `--subscription must be a subscription id (a GUID), not "${subscription}"`
    );
  const clients = createClients(
    [],
    { cloud: values.cloud, armEndpoint: values["arm-endpoint"], auth: values.auth },
    io.env,
    true
  );
  const reader = new SdkAzureReader(clients);
  const group = values["resource-group"];
  const listed = await Promise.all(
    ["vault", "managedHsm"].map(
      (kind) => group ? reader.listVaults(subscription, group, kind) : reader.listVaultsInSubscription(subscription, kind)
    )
  );
  const outcome = mergeOutcomes(listed);
  if (outcome.status === "error") {
    const unreachable = connectionFailureMessage(clients, io.env);
    io.err(`kvnet export: ${unreachable ?? singleLine(readErrorLine(outcome.error))}`);
    return EXIT_ERROR;
  }
  const all = outcome.status === "ok" ? outcome.value : [];
  const vaults = values.vault ? all.filter((vault) => vault.name.toLowerCase() === values.vault?.toLowerCase()) : all;
  if (vaults.length === 0) {
    io.err(
      `kvnet export: no vault found${values.vault ? ` named "${values.vault}"` : ""} in ${group ? `resource group "${group}" of ` : ""}subscription ${subscription}`
    );
    return EXIT_ERROR;
  }
  const command = [
    "kvnet export",
    `--subscription ${subscription}`,
    group ? `--resource-group ${group}` : "",
    values.vault ? `--vault ${values.vault}` : ""
  ].filter(Boolean).join(" ");
  const endpoints = await readConnectedEndpoints(reader, subscription, vaults);
  if (!Array.isArray(endpoints)) {
    io.err(`kvnet export: ${singleLine(readErrorLine(endpoints))}`);
    return EXIT_ERROR;
  }
  const text = exportSpec(vaults, endpoints, {
    subscription,
    cloud: clients.cloudName,
    generatedBy: command
  });
  if (values.out) {
    await writeFile(values.out, text);
    io.out(`exported ${vaults.length} vault${vaults.length === 1 ? "" : "s"} to ${values.out}`);
  } else {
    io.out(text);
  }
  return EXIT_OK;
}
export {
  EXPORT_USAGE,
  runExport
};
