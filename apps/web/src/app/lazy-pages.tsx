import type { ModuleKey } from "@crm/contracts";
import { lazy, Suspense } from "react";

// Pages most sessions never see: fetched when shown, so antd's Result illustrations (≈ 10 KB
// gzipped) stay out of the first download.
const NotFound = lazy(async () => ({ default: (await import("./not-found-page")).NotFoundPage }));
const Forbidden = lazy(async () => ({ default: (await import("./forbidden-page")).ForbiddenPage }));
const Placeholder = lazy(async () => ({
  default: (await import("./module-placeholder-page")).ModulePlaceholderPage,
}));

export function NotFoundPage() {
  return (
    <Suspense>
      <NotFound />
    </Suspense>
  );
}

export function ForbiddenPage() {
  return (
    <Suspense>
      <Forbidden />
    </Suspense>
  );
}

export function ModulePlaceholderPage({ module }: { module: ModuleKey }) {
  return (
    <Suspense>
      <Placeholder module={module} />
    </Suspense>
  );
}
