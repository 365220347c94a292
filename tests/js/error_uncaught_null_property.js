const config = { db: null, cache: { host: 'mem' } };
print('config loaded', config.cache.host);
print(config.db?.host);
print(config.db.host);
print('unreachable');
