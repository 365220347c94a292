// constructor name contains the inherited name 'Error': node prints 'AppError: ...'
class AppError extends Error {}
print('starting');
try { throw new AppError('handled'); } catch (e) { print('caught', e.message, e.name, String(e)); }
throw new AppError('unhandled app failure');
