export async function runLoad(_base: string, _db: string, _port: number) {}
