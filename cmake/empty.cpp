// Keeps a module a valid static library while its folder is still empty.
