// The template library of qualitative objectives: the built-in templates (a TS module, app/domain/qualitative/templates.ts)
// and the agency's own (QualTemplate rows with its agencyId). See docs/decisions/0033-qualitative-templates.md.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import type { Prisma } from "~/generated/prisma/client";
import type { Grid } from "~/domain/qualitative/grid";
import { BUILT_IN_TEMPLATES, builtInTemplate, type TemplateCadence, type TemplateContext, type TemplateRitual } from "~/domain/qualitative/templates";
import { behavioursOf, gridOf, type TemplateForm } from "~/domain/qualitative/template-form";
import type { Locale } from "~/i18n";

export type TemplateView = {
  /** "builtin:<key>" for a built-in template, the row's id for the agency's own. */
  id: string;
  builtIn: boolean;
  key: string;
  locale: Locale;
  context: TemplateContext | null;
  title: string;
  need: string;
  verb: string;
  behaviours: string[];
  ritual: TemplateRitual;
  cadence: TemplateCadence;
  grid: Grid;
};

const BUILT_IN = "builtin:";

function builtInView(key: string, locale: Locale): TemplateView | null {
  const t = builtInTemplate(key);
  if (!t) return null;
  return { id: `${BUILT_IN}${t.key}`, builtIn: true, key: t.key, locale, context: t.context, ritual: t.ritual, cadence: t.cadence, ...t[locale] };
}

type Row = Prisma.QualTemplateGetPayload<object>;
function rowView(r: Row): TemplateView {
  return {
    id: r.id, builtIn: false, key: r.key, locale: r.locale, context: null, title: r.title, need: r.need, verb: r.verb, behaviours: r.behaviours,
    ritual: r.ritual, cadence: r.cadence, grid: r.grid as unknown as Grid,
  };
}

/**
 * The templates an agency user may start an objective from: the built-in ones in `locale`, then the agency's own
 * (in the language they were written in). Clients have no template library.
 */
export async function listTemplatesFor(actor: Actor, locale: Locale): Promise<TemplateView[]> {
  if (isClientRole(actor.role)) throw notFound();
  const own = await prisma.qualTemplate.findMany({ where: { agencyId: actor.agencyId }, orderBy: [{ title: "asc" }], take: 200 });
  return [...BUILT_IN_TEMPLATES.map((t) => builtInView(t.key, locale)!), ...own.map(rowView)];
}

/** One template by its id (built-in or the agency's own); another agency's is a 404. */
export async function getTemplate(actor: Actor, id: string, locale: Locale): Promise<TemplateView> {
  if (isClientRole(actor.role)) throw notFound();
  if (id.startsWith(BUILT_IN)) {
    const v = builtInView(id.slice(BUILT_IN.length), locale);
    if (!v) throw notFound();
    return v;
  }
  const r = await prisma.qualTemplate.findFirst({ where: { id, agencyId: actor.agencyId } });
  if (!r) throw notFound();
  return rowView(r);
}

/**
 * The QualTemplate id an objective created from template `id` records (Objective.templateId): the agency's own row,
 * or the built-in template's row in that language, written on first use (a fixed id, so two uses share it).
 */
export async function templateRowId(actor: Actor, id: string, locale: Locale): Promise<string> {
  const t = await getTemplate(actor, id, locale);
  if (!t.builtIn) return t.id;
  const rowId = `qt_builtin_${t.key}_${locale}`;
  const data = {
    locale, key: t.key, title: t.title, need: t.need, verb: t.verb, behaviours: t.behaviours, ritual: t.ritual, cadence: t.cadence,
    grid: t.grid as unknown as Prisma.InputJsonValue,
  };
  await prisma.qualTemplate.upsert({ where: { id: rowId }, create: { id: rowId, agencyId: null, ...data }, update: data });
  return rowId;
}

/** The agency admin or an AM adds a template of the agency's own, or edits one. */
export async function saveAgencyTemplate(actor: Actor, id: string | null, form: TemplateForm) {
  assertCan(actor, "objective:manage");
  const data = {
    locale: form.locale, title: form.title, need: form.need, verb: form.verb, behaviours: behavioursOf(form.behaviours),
    ritual: form.ritual, cadence: form.cadence, grid: gridOf(form) as unknown as Prisma.InputJsonValue,
  };
  if (id) {
    const r = await prisma.qualTemplate.findFirst({ where: { id, agencyId: actor.agencyId }, select: { id: true } });
    if (!r) throw notFound();
    return prisma.qualTemplate.update({ where: { id }, data });
  }
  const key = `own_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return prisma.qualTemplate.create({ data: { agencyId: actor.agencyId, key, ...data } });
}
