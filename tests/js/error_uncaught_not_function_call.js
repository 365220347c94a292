const api = { handlers: { onLoad: null, onSave: () => 'saved' } };
print(api.handlers.onSave());
print(api.handlers.onLoad?.());
print('dispatching');
api.handlers.onLoad();
