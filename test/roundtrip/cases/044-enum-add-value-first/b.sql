CREATE TYPE level AS ENUM ('debug', 'info', 'warning', 'error');
