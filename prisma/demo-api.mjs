// The demo's API key (demo data only, never a real deployment's) and the line `npm run demo` prints to try it.
export const DEMO_API_TOKEN = "rdv_demo_pipeline_partners_try_the_api_0001";

export function demoApiCurl(origin) {
  return `curl -H "Authorization: Bearer ${DEMO_API_TOKEN}" ${origin}/api/v1/campaigns`;
}
