/**
 * The people pages: find accounts, see one, grant and revoke roles, block and unblock. Thin:
 * authorize → validate → call one service function → render or redirect (303 after POST).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { participantName } from '../../platform/gdpr.js';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject } from '../../platform/routing.js';
import { GRANTABLE_ROLES, authorize, can, isGrantableRole, type AdminActor } from './admin.policy.js';
import {
  grantForm,
  revokeForm,
  userParams,
  userQuery,
  usersQuery,
  validateGrant,
  type GrantField,
  type GrantFormErrors,
  type GrantFormValues,
  type UserOutcome,
} from './users.schemas.js';
import { blockUser, findPeople, grantRole, revokeRole, scopeChoices, showPerson, unblockUser } from './users.service.js';
import { UserPage, type GrantFormState, type UserPermissions } from './views/user.page.js';
import { UsersPage } from './views/users.page.js';

const EMPTY_GRANT: GrantFormState = { values: { role: '', placeId: '', organisationId: '' }, errors: {}, submitted: false };

/** The policy's answers for the viewer on one person's page. */
function permissionsFor(actor: AdminActor, userId: number): UserPermissions {
  return {
    grantable: GRANTABLE_ROLES.filter((role) => can(actor, 'roles.grant', { role, userId })),
    revocable: GRANTABLE_ROLES.filter((role) => can(actor, 'roles.revoke', { role, userId })),
    block: can(actor, 'users.block', { userId }),
    unblock: can(actor, 'users.unblock', { userId }),
    self: actor?.id === userId && can(actor, 'users.block'),
  };
}

/** Renders a person's page, with the grant form in the given state. */
async function sendUserPage(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  options: { grant?: GrantFormState; done?: UserOutcome | undefined; status?: number } = {},
) {
  const db = request.server.db;
  const permissions = permissionsFor(request.user, userId);
  const [user, choices] = await Promise.all([
    showPerson(db, userId, request.locale),
    permissions.grantable.some((r) => r === 'mediator' || r === 'official')
      ? scopeChoices(db, request.locale)
      : { places: [], organisations: [] },
  ]);
  const t = translator(request.locale);
  const title = t('admin.user.title', { name: participantName(user.displayName, t) });
  const failed = options.status === 422;
  return sendPage(
    request,
    reply,
    <UserPage user={user} choices={choices} permissions={permissions} grant={options.grant ?? EMPTY_GRANT} done={options.done} />,
    { title: failed ? t('admin.user.errorTitle', { title }) : title, status: options.status ?? 200, cacheable: false },
  );
}

/** Mounts the people pages under every locale. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  localizedGet(app, '/admin/users', async (request, reply) => {
    authorize(request.user, 'users.view');
    const query = parseOrReject(usersQuery, request.query);
    const data = await findPeople(app.db, query);
    const t = translator(request.locale);
    return sendPage(request, reply, <UsersPage {...data} q={query.q} before={query.before} />, {
      title: t('admin.users.title'),
      cacheable: false,
    });
  });

  localizedGet(app, '/admin/users/:id', async (request, reply) => {
    authorize(request.user, 'users.view');
    const { id } = parseOrReject(userParams, request.params);
    const { done } = parseOrReject(userQuery, request.query);
    return sendUserPage(request, reply, id, { done });
  });

  localizedPost(app, '/admin/users/:id/roles', async (request, reply) => {
    authorize(request.user, 'roles.grant');
    const { id } = parseOrReject(userParams, request.params);
    const values: GrantFormValues = grantForm.parse(request.body ?? {});
    // A role the viewer may not grant is refused outright; an unknown or missing one is a form error.
    if (isGrantableRole(values.role)) authorize(request.user, 'roles.grant', { role: values.role, userId: id });
    const { errors, command } = validateGrant(values);
    const again = (errs: GrantFormErrors) =>
      sendUserPage(request, reply, id, { grant: { values, errors: errs, submitted: true }, status: 422 });
    if (!command) return again(errors);
    try {
      await grantRole(app.db, auditContext(request), id, command);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed' && err.fields.length > 0) {
        return again(Object.fromEntries(err.fields.map((f) => [f.field as GrantField, f.message])) as GrantFormErrors);
      }
      throw err;
    }
    return reply.redirect(`/${request.locale}/admin/users/${id}?done=granted`, 303);
  });

  localizedPost(app, '/admin/users/:id/roles/revoke', async (request, reply) => {
    authorize(request.user, 'roles.revoke');
    const { id } = parseOrReject(userParams, request.params);
    const role = parseOrReject(revokeForm, request.body ?? {});
    authorize(request.user, 'roles.revoke', { role: role.role, userId: id });
    await revokeRole(app.db, auditContext(request), id, role);
    return reply.redirect(`/${request.locale}/admin/users/${id}?done=revoked`, 303);
  });

  localizedPost(app, '/admin/users/:id/block', async (request, reply) => {
    authorize(request.user, 'users.block');
    const { id } = parseOrReject(userParams, request.params);
    authorize(request.user, 'users.block', { userId: id });
    await blockUser(app.db, auditContext(request), id);
    return reply.redirect(`/${request.locale}/admin/users/${id}?done=blocked`, 303);
  });

  localizedPost(app, '/admin/users/:id/unblock', async (request, reply) => {
    authorize(request.user, 'users.unblock');
    const { id } = parseOrReject(userParams, request.params);
    authorize(request.user, 'users.unblock', { userId: id });
    await unblockUser(app.db, auditContext(request), id);
    return reply.redirect(`/${request.locale}/admin/users/${id}?done=unblocked`, 303);
  });
}
