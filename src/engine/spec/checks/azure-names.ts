// Azure's naming rules for each kind of name a spec writes or an id holds, from "Naming rules
// and restrictions for Azure resources" (learn.microsoft.com/azure/azure-resource-manager/
// management/resource-name-rules: Microsoft.Network, Microsoft.KeyVault, Microsoft.Resources)
// and, where that page is silent (private DNS zone groups, private link service connections),
// the validators of terraform-provider-azurerm (1–80 characters, start with a letter or digit,
// end with a letter, digit or underscore). See docs/rules.md, "Names".

export interface NameRule {
  /** What the name names, for messages ("subnet"). */
  readonly kind: string;
  readonly min: number;
  readonly max: number;
  /** One allowed character. */
  readonly char: RegExp;
  readonly charsText: string;
  readonly start?: RegExp;
  readonly startText?: string;
  readonly end?: RegExp;
  readonly endText?: string;
  /** How to write a valid one, for messages. */
  readonly guide: string;
}

const NETWORK_CHARS = {
  char: /^[a-zA-Z0-9_.-]$/,
  charsText: 'letters, digits, underscores, periods and hyphens',
  start: /^[a-zA-Z0-9]/,
  startText: 'start with a letter or digit',
  end: /[a-zA-Z0-9_]$/,
  endText: 'end with a letter, digit or underscore',
};

function network(kind: string, min: number, max: number): NameRule {
  return {
    kind,
    min,
    max,
    ...NETWORK_CHARS,
    guide: `use ${min}–${max} letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore`,
  };
}

export const NAME_RULES = {
  virtualNetwork: network('virtual network', 2, 64),
  subnet: network('subnet', 1, 80),
  privateEndpoint: network('private endpoint', 2, 64),
  virtualNetworkLink: network('virtual network link', 1, 80),
  zoneGroup: network('DNS zone group', 1, 80),
  connection: network('private link connection', 1, 80),
  // Letters and digits as .NET's Char.IsLetterOrDigit defines them: Unicode letters are fine.
  resourceGroup: {
    kind: 'resource group',
    min: 1,
    max: 90,
    char: /^[\p{L}\p{Nd}_.()-]$/u,
    charsText: 'letters (any script), digits, underscores, periods, hyphens and parentheses',
    end: /[^.]$/,
    endText: 'not end with a period',
    guide:
      'use up to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (letters of any script count)',
  },
  privateDnsZone: {
    kind: 'private DNS zone',
    min: 1,
    max: 253,
    char: /^[a-zA-Z0-9_.-]$/,
    charsText: 'letters, digits, underscores, hyphens and periods between labels',
    start: /^[a-zA-Z0-9_]/,
    startText: 'start with a letter, digit or underscore',
    end: /[a-zA-Z0-9_]$/,
    endText: 'not end with a period or hyphen',
    guide:
      'use 2–34 labels of letters, digits, hyphens and underscores (each at most 63 characters) separated by periods, not ending in a period or hyphen',
  },
} satisfies Record<string, NameRule>;

/** Rules by the lower-cased resource type an id segment names. */
export const RULE_BY_TYPE: Readonly<Record<string, NameRule>> = {
  virtualnetworks: NAME_RULES.virtualNetwork,
  subnets: NAME_RULES.subnet,
  privateendpoints: NAME_RULES.privateEndpoint,
  privatednszones: NAME_RULES.privateDnsZone,
  virtualnetworklinks: NAME_RULES.virtualNetworkLink,
  privatednszonegroups: NAME_RULES.zoneGroup,
};

/** Names nothing in ARM accepts, whatever the type: they break the request URL. */
const GENERIC: NameRule = {
  kind: 'resource',
  min: 1,
  max: 260,
  char: /^[^\s?#%/\\]$/u,
  charsText: 'no spaces, "?", "#", "%", "/" or "\\"',
  guide: 'a name in a resource id holds no spaces, "?", "#", "%", "/" or "\\"',
};

function quoteChars(chars: readonly string[]): string {
  return chars.map((char) => (char === ' ' ? 'a space' : `"${char}"`)).join(', ');
}

/** What is wrong with `name` under `rule`, most telling first; empty when it is valid. */
export function nameProblems(rule: NameRule | undefined, name: string): string[] {
  const applied = rule ?? GENERIC;
  const problems: string[] = [];
  const chars = [...name];
  if (name === '.' || name === '..') {
    return [`it is "${name}", a path step, not a name`];
  }
  if (/%[0-9a-f]{2}/i.test(name)) {
    problems.push('it holds a URL-encoded character (such as %2F), where the name itself belongs');
  }
  if (chars.length < applied.min || chars.length > applied.max) {
    problems.push(
      `it is ${chars.length} character${chars.length === 1 ? '' : 's'} long, ${applied.min}–${applied.max} allowed`,
    );
  }
  const bad = [...new Set(chars.filter((char) => !applied.char.test(char)))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 4);
    problems.push(
      `it contains ${quoteChars(shown)}${bad.length > shown.length ? ' and more' : ''} (allowed: ${applied.charsText})`,
    );
  }
  if (name.includes('..') && applied !== NAME_RULES.resourceGroup) {
    problems.push('it contains ".."');
  }
  if (applied === NAME_RULES.privateDnsZone) {
    const labels = name.split('.');
    if (labels.length < 2 || labels.length > 34) {
      problems.push(`it has ${labels.length} labels (2–34 allowed)`);
    }
    if (labels.some((label) => label.length > 63)) problems.push('a label is over 63 characters');
  }
  if (applied.start && applied.startText && name.length > 0 && !applied.start.test(name)) {
    problems.push(`it must ${applied.startText}`);
  }
  if (applied.end && applied.endText && name.length > 0 && !applied.end.test(name)) {
    problems.push(`it must ${applied.endText}`);
  }
  return problems;
}

/** The finding message for an invalid name; undefined when the name is valid. */
export function invalidNameMessage(rule: NameRule | undefined, name: string): string | undefined {
  const problems = nameProblems(rule, name);
  if (problems.length === 0) return undefined;
  const applied = rule ?? GENERIC;
  return `"${name}" is not a valid ${applied.kind} name: ${applied.guide}; here ${problems.join(', and ')}`;
}
