export async function runImport(_url: string) {}
