# Sourced by the deploy/ scripts: the project root in $root, the production settings, the site's
# environment file ($FIFTH_BULLETIN_ENV, else deploy/production.env) exported, and the
# virtualenv required.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="${FIFTH_BULLETIN_ENV:-$root/deploy/production.env}"
if [ ! -f "$env_file" ]; then
  echo "No environment file at $env_file: copy deploy/production.env.example there and fill it in." >&2
  exit 2
fi
if [ ! -x "$root/.venv/bin/python" ]; then
  echo "No virtual environment: run 'make install' in $root first." >&2
  exit 2
fi
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
export DJANGO_SETTINGS_MODULE=config.settings.production
