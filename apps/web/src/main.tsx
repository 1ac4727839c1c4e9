import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Providers } from "./app/providers";
import { router } from "./app/router";
import { restoreSession } from "./shared/api";
import { i18nReady } from "./shared/i18n/i18n";
import "./app/global.css";

// Start exchanging the refresh cookie for a session while React and the first route load.
void restoreSession();

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

// Chinese is bundled; an English user's strings arrive first, so no Chinese flashes before them.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
