// Layers of app/ (see docs/decisions/0020-where-code-lives.md): domain <- models <- routes, with services (queue,
// email delivery) as infrastructure below models, and the worker (jobs) above models, imported by the server entry
// alone. `npm test` runs this check; a cycle or an import that runs upward fails it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "No import cycle.", from: {}, to: { circular: true, dependencyTypesNot: ["type-only"] } },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "Domain rules do no I/O: they import nothing of models, services, jobs, routes, components or server utilities.",
      from: { path: "^app/domain/" },
      to: { path: "^app/(models|services|jobs|routes|components|utils)/|\\.server\\.tsx?$|^app/root\\.tsx" },
    },
    {
      name: "models-below-routes",
      severity: "error",
      comment: "Models do not know routes, components or the worker.",
      from: { path: "^app/models/" },
      to: { path: "^app/(routes|components|jobs)/|^app/root\\.tsx" },
    },
    {
      name: "services-are-infrastructure",
      severity: "error",
      comment: "Services (queue, email delivery) take no actor and know no model, route or job.",
      from: { path: "^app/services/" },
      to: { path: "^app/(models|routes|components|jobs)/|^app/root\\.tsx" },
    },
    {
      name: "utils-below-models",
      severity: "error",
      comment: "Utilities are used by models and routes, never the other way round.",
      from: { path: "^app/utils/" },
      to: { path: "^app/(models|routes|components|jobs|services)/|^app/root\\.tsx" },
    },
    {
      name: "components-are-ui",
      severity: "error",
      comment: "Components render; they import no route, no root, no server module (types of a model's result excepted).",
      from: { path: "^app/components/" },
      to: { path: "^app/(routes|jobs|services)/|^app/root\\.tsx|\\.server\\.tsx?$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "worker-only-from-entry",
      severity: "error",
      comment: "Only the server entry (and tests) start the worker; routes and models only enqueue.",
      from: { path: "^app/", pathNot: "^app/(entry\\.server\\.tsx|jobs/)" },
      to: { path: "^app/jobs/" },
    },
    {
      name: "no-root-imports",
      severity: "error",
      comment: "Routes and components do not import from root.tsx.",
      from: { path: "^app/", pathNot: "^app/root\\.tsx" },
      to: { path: "^app/root\\.tsx" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
