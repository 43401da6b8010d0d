import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { config as zodConfig } from "zod";
import { optionalUser } from "./auth/access.server.ts";
import { useI18n } from "./components/i18n.tsx";
import { useNonce } from "./components/nonce.tsx";
import { HeaderSearch } from "./components/SearchResults.tsx";
import { KeyboardShortcuts } from "./components/KeyboardShortcuts.tsx";
import { locales } from "./domain/enums.ts";
import { makeTranslate } from "./i18n/i18n.ts";
import { resolveLocale, takeFlash } from "./server/http.server.ts";
import { navigationFor } from "./server/navigation.server.ts";
import stylesheet from "./styles.css?url";

// Zod 4 probes `new Function` to compile faster parsers; the CSP (no 'unsafe-eval') refuses it
// and the browser reports a violation on every page that parses. Parse without compiling.
zodConfig({ jitless: true });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await optionalUser(request);
  const locale = await resolveLocale(request, user);
  const flash = await takeFlash(request);
  return json(
    {
      locale,
      user: user ? { name: user.name, role: user.role } : null,
      navigation: user ? navigationFor(user) : [],
      flash: flash.message,
    },
    flash.setCookie ? { headers: { "Set-Cookie": flash.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? "bg"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Where the header shows its links in a row instead of behind the menu button (styles.css says the same). */
const WIDE_SCREEN = "(min-width: 60rem)";

function Header() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const location = useLocation();
  const here = location.pathname + location.search;
  const menuRef = useRef<HTMLDetailsElement>(null);
  // On a wide screen the menu is always open (the CSS shows it even closed where browsers allow);
  // on a phone it closes again after a link in it is followed.
  useEffect(() => {
    const menu = menuRef.current;
    if (menu) menu.open = window.matchMedia(WIDE_SCREEN).matches;
  }, [location.pathname, location.search]);
  const tools = (
    <div className="header-tools">
      <Form method="post" action="/set-locale" className="locale-switch" aria-label={t("nav.language")}>
        <input type="hidden" name="redirectTo" value={here} />
        {locales.map((l) => (
          <button key={l} type="submit" name="locale" value={l} aria-pressed={l === locale} lang={l}>
            {l.toUpperCase()}
          </button>
        ))}
      </Form>
      {data.user ? (
        <>
          <Link to="/profile" className="current-user" title={t(`role.${data.user.role}`)}>
            {t("nav.signedInAs", { name: data.user.name })}
          </Link>
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("nav.signOut")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Link to="/" className="brand">
        {t("app.name")}
      </Link>
      {data.user ? (
        // One menu button on a phone (a disclosure: it opens without JavaScript); on a wide screen
        // the button is hidden and the links and tools show in the header row (styles.css).
        <details className="site-menu" ref={menuRef}>
          <summary className="menu-button">{t("nav.menu")}</summary>
          <div className="site-menu-body">
            <nav aria-label={t("nav.main")} className="main-nav">
              {data.navigation.map((item) => (
                <NavLink key={item.href} to={item.href} end={item.href === "/"}>
                  {t(item.label)}
                </NavLink>
              ))}
            </nav>
            {tools}
          </div>
        </details>
      ) : null}
      {data.user ? <HeaderSearch /> : null}
      {data.user ? null : tools}
    </header>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <Header />
      {data.flash ? (
        <p role="status" className="flash">
          {t(data.flash)}
        </p>
      ) : null}
      <main id="main">
        <Outlet />
      </main>
      {data.user ? <KeyboardShortcuts /> : null}
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = makeTranslate(data?.locale ?? "bg");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404 ? t("common.notFound") : status === 403 ? t("common.forbidden") : status === 400 ? t("common.badRequest") : status === 413 ? t("common.tooLarge") : t("common.error");
  return (
    <main id="main" className="error-page">
      <h1>{t("common.errorTitle", { status })}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t("common.goHome")}</a>
      </p>
    </main>
  );
}
