class HttpError extends Error {
  constructor(status) { super('status ' + status); this.name = 'HttpError'; }
}
print(new HttpError(200).message);
throw new HttpError(404);
