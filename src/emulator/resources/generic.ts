// Resource groups (implied by ids) and the generic `/subscriptions/{s}/resources` list that
// `vaults.list` in @azure/arm-keyvault calls with `$filter=resourceType eq '…'`.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, resourceGroupNotFound } from '../errors.js';
import { parseResourceId } from '../ids.js';
import { listBody, requireSubscription } from './common.js';

export function getResourceGroup(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  requireSubscription(services, p.subscriptionId as string);
  const group = services.store.resourceGroup(
    p.subscriptionId as string,
    p.resourceGroupName as string,
  );
  if (!group) throw resourceGroupNotFound(p.resourceGroupName as string);
  return {
    status: 200,
    body: {
      id: `/subscriptions/${group.subscription}/resourceGroups/${group.name}`,
      name: group.name,
      type: 'Microsoft.Resources/resourceGroups',
      location: group.location,
      properties: { provisioningState: 'Succeeded' },
    },
  };
}

export function listResources(request: ArmRequest, services: Services): ArmResponse {
  requireSubscription(services, request.params.subscriptionId as string);
  const filter = request.query.get('$filter');
  let wantedType: string | undefined;
  if (filter !== null) {
    const match = /^\s*resourceType\s+eq\s+'([^']+)'\s*$/i.exec(filter);
    if (!match)
      throw badRequest(
        'InvalidFilterInQueryString',
        `The emulator supports only $filter=resourceType eq '<type>', not '${filter}'.`,
      );
    wantedType = (match[1] as string).toLowerCase();
  }
  const top = Number(request.query.get('$top') ?? 'NaN');
  const prefix = `/subscriptions/${(request.params.subscriptionId as string).toLowerCase()}/`;
  const items = services.store
    .all()
    .filter((record) => {
      const parsed = parseResourceId(record.id);
      if (!parsed || parsed.types.length !== 1 || !record.id.toLowerCase().startsWith(prefix))
        return false;
      return wantedType === undefined || record.type.toLowerCase() === wantedType;
    })
    .map(({ body }) => {
      const item: Record<string, unknown> = {
        id: body.id,
        name: body.name,
        type: body.type,
        location: body.location,
      };
      if (body.tags !== undefined) item.tags = body.tags;
      return item;
    });
  return {
    status: 200,
    body: listBody(Number.isInteger(top) && top > 0 ? items.slice(0, top) : items),
  };
}
