import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import stylesheet from "~/tailwind.css";
import { getActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { popToast } from "~/utils/toast.server";
import { can, isAgencyRole } from "~/domain/shared/permissions";
import { DEFAULT_LOCALE, isMessageKey, makeT, type Locale } from "~/i18n";
import { useT } from "~/utils/i18n";
import { ErrorPanel } from "~/components/ErrorPanel";
import { useNonce } from "~/utils/nonce";
import { NotificationBell } from "~/components/notifications/NotificationBell";
import { UserMenu } from "~/components/UserMenu";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Rendezvous" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const locale = await getLocale(request, actor);
  const { toast, headers } = await popToast(request);
  const user = actor && {
    name: actor.name,
    email: actor.email,
    role: actor.role,
    organization: actor.clientCompanyName ?? actor.agencyName,
    nav: {
      clients: can(actor.role, "client:read"),
      campaigns: can(actor.role, "campaign:read"),
      team: can(actor.role, "team:read"),
      emails: can(actor.role, "emails:read"),
      meetings: isAgencyRole(actor.role),
      billing: can(actor.role, "billing:read"),
      settings: can(actor.role, "agency:manage"),
      api: can(actor.role, "api:keys"),
    },
  };
  // Times are shown in the user's zone; until the browser has told us, in the default one (and the page asks it).
  const timeZone = actor?.timeZone ?? DEFAULT_TIME_ZONE;
  return json({ locale, user, toast, timeZone, detectTimeZone: Boolean(actor && !actor.timeZone) }, { headers });
}

export type RootData = typeof loader;

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, locale } = useT();
  const location = useLocation();
  const user = data?.user;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-2.5 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:text-slate-900"}`;
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <Link to={user ? "/home" : "/login"} className="flex items-center gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
          {t("common.appName")}
        </Link>
        {user ? (
          <nav aria-label={t("common.mainNav")} className="flex flex-wrap gap-0.5">
            <NavLink to="/home" className={navClass}>{t("common.home")}</NavLink>
            {user.nav.clients ? <NavLink to="/clients" className={navClass}>{t("common.clients")}</NavLink> : null}
            {user.nav.campaigns ? <NavLink to="/campaigns" className={navClass}>{t("common.campaigns")}</NavLink> : null}
            {user.nav.meetings ? <NavLink to="/meetings" className={navClass}>{t("meetings.title")}</NavLink> : null}
            <NavLink to="/calendar" className={navClass}>{t("calendar.link")}</NavLink>
            {user.nav.team ? <NavLink to="/team" className={navClass}>{t("common.team")}</NavLink> : null}
            {user.nav.billing ? <NavLink to="/billing" className={navClass}>{t("billing.title")}</NavLink> : null}
            {user.nav.emails ? <NavLink to="/emails" className={navClass}>{t("common.emails")}</NavLink> : null}
          </nav>
        ) : null}
        <div className="ml-auto flex items-center justify-end gap-2">
          <Form method="post" action="/set-locale" className="flex items-center gap-1" aria-label={t("common.language")}>
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            {(["en", "fr"] as const).map((l) => (
              <button
                key={l}
                name="locale"
                value={l}
                lang={l}
                aria-pressed={locale === l}
                aria-label={l === "en" ? t("common.english") : t("common.french")}
                title={l === "en" ? t("common.english") : t("common.french")}
                className={`rounded px-2 py-1 text-xs font-medium ${locale === l ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {/* "EN" / "FR": the language's name is the button's accessible name (and its tooltip). */}
                {l.toUpperCase()}
              </button>
            ))}
          </Form>
          {user ? (
            <div className="flex items-center justify-end gap-2 text-sm">
              <NotificationBell />
              <UserMenu user={user} />
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function ProgressBar() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div aria-hidden className={`fixed inset-x-0 top-0 h-0.5 bg-brand-500 transition-opacity ${busy ? "animate-pulse opacity-100" : "opacity-0"}`} />
  );
}

function Document({ children, locale }: { children: React.ReactNode; locale: Locale }) {
  const nonce = useNonce();
  return (
    <html lang={locale} className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full text-slate-800 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** At a user's first visit, tells the server the browser's time zone, so times read as on their watch from then on. */
function TimeZoneDetector() {
  const { detectTimeZone } = useLoaderData<typeof loader>();
  const sent = useRef(false);
  useEffect(() => {
    if (!detectTimeZone || sent.current) return;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    sent.current = true;
    // A plain request, outside the router: a fetcher's action revalidates the routes and, when the user navigates
    // meanwhile to a route not discovered yet, the router throws "Didn't find any matches after fetcher action".
    // Nothing on the page needs to change: the server renders times in the saved zone from the next request on.
    void fetch("/set-timezone", { method: "POST", body: new URLSearchParams({ timeZone }), credentials: "same-origin" })
      // Read the answer: an unread body keeps the request open in the browser's eyes.
      .then((response) => response.text())
      .catch(() => {
        sent.current = false;
      });
  }, [detectTimeZone]);
  return null;
}

export default function App() {
  const { locale, toast } = useLoaderData<typeof loader>();
  const t = makeT(locale);
  return (
    <Document locale={locale}>
      <TimeZoneDetector />
      <ProgressBar />
      <Header />
      {toast && isMessageKey(toast) ? (
        <div role="status" className="mx-auto mt-4 max-w-7xl px-4 sm:px-6">
          <p className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800">{t(toast)}</p>
        </div>
      ) : null}
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <Outlet />
      </main>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale}>
      <Header />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <ErrorPanel error={error} />
      </main>
    </Document>
  );
}

