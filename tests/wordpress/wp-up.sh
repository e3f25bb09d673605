#!/usr/bin/env bash
# Start a throwaway real WordPress (Debian's package) on 127.0.0.1 for the publishing tests.
# Any number of instances can run at once: each has its own state folder (database, uploads,
# credentials) and port. Debian's WordPress reads /etc/wordpress/config-<host>.php, one file per host
# name, so those files are generic stubs that load the config named by $NEWSDESK_WP_CONFIG, which
# every PHP process of an instance gets in its environment.
# Needs: apt-get install --no-install-recommends wordpress mariadb-server php-cli php-mysql curl
# Env: WP_PORT (required)  WP_STATE (required, an empty or earlier state folder)
#      WP_ADMIN_USER (admin)  WP_ADMIN_PASS (admin-pass-123)
# Writes $WP_STATE/env (WP_URL, WP_USER, WP_APP_PASSWORD) when the REST API answers.
set -euo pipefail
PORT="${WP_PORT:?set WP_PORT}"
ST="${WP_STATE:?set WP_STATE}"
ADMIN="${WP_ADMIN_USER:-admin}"
ADMIN_PASS="${WP_ADMIN_PASS:-admin-pass-123}"
HOSTPORT="127.0.0.1:$PORT"
URL="http://$HOSTPORT"
DOCROOT=/usr/share/wordpress
SOCK="$ST/mysql.sock"
ME="$(id -un)"
t0=$(date +%s.%N)
lap() { awk -v a="$t0" -v b="$(date +%s.%N)" -v m="$*" 'BEGIN{printf "[wp-up] %6.2fs %s\n", b-a, m}'; }
alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
# bg PIDFILE LOG CMD...: run CMD detached in its own session/process group; the child writes its own PID
# (php -S workers ignore a TERM sent to the master only, so wp-down.sh kills the whole group)
bg() { local pf="$1" log="$2"; shift 2
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pf" "$@" </dev/null >>"$log" 2>&1 &
  for _ in $(seq 1 100); do [[ -s $pf ]] && return 0; sleep 0.02; done; echo "could not start $1"; exit 1; }

for b in mariadbd mariadb-install-db mariadb mariadb-admin php curl; do
  command -v "$b" >/dev/null || { echo "missing $b (apt-get install mariadb-server php-cli php-mysql curl)"; exit 1; }
done
[[ -f $DOCROOT/wp-config.php ]] || { echo "Debian package 'wordpress' not installed"; exit 1; }

mkdir -p "$ST"/wp-content/uploads "$ST/tmp"
ln -sfn /var/lib/wordpress/wp-content/themes  "$ST/wp-content/themes"
ln -sfn /var/lib/wordpress/wp-content/plugins "$ST/wp-content/plugins"

# ---------------- MariaDB (own datadir, unix socket only, no TCP) ----------------
cat > "$ST/my.cnf" <<EOF
[mariadbd]
datadir=$ST/mysql
socket=$SOCK
pid-file=$ST/mysql/mariadbd.pid
log-error=$ST/mariadb.err
# Its own temp folder: instances bootstrapping at once in the shared /tmp delete each other's
# temporary tables ("Error on delete of '/tmp/#sql-temptable-…'") and the install aborts.
tmpdir=$ST/tmp
skip-networking
skip-name-resolve
skip-log-bin
innodb_buffer_pool_size=32M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
innodb_doublewrite=0
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
[client]
socket=$SOCK
user=root
EOF
if ! alive "$ST/mariadb.pid"; then
  if [[ ! -d $ST/mysql/mysql ]]; then
    # Should the bootstrap still fail (a busy machine), a fresh datadir and another try; the reason is printed.
    for try in 1 2 3; do
      rm -rf "$ST/mysql"
      if mariadb-install-db --defaults-file="$ST/my.cnf" --user="$ME" --auth-root-authentication-method=normal \
        --skip-test-db >"$ST/mariadb-install.log" 2>&1; then break; fi
      echo "[wp-up] mariadb-install-db failed (try $try of 3):"
      grep -v '^$' "$ST/mariadb-install.log" | head -5
      tail -20 "$ST/mariadb.err" 2>/dev/null || true
      [[ $try == 3 ]] && exit 1
      : > "$ST/mariadb.err"
      sleep 0.5
    done
    lap "mariadb datadir initialised"
  fi
  rm -f "$ST/mariadb.pid"
  bg "$ST/mariadb.pid" "$ST/mariadb.err" mariadbd --defaults-file="$ST/my.cnf" --user="$ME"
fi
for i in $(seq 1 600); do
  mariadb-admin --defaults-file="$ST/my.cnf" ping >/dev/null 2>&1 && break
  alive "$ST/mariadb.pid" || { echo "mariadbd died:"; tail -20 "$ST/mariadb.err"; exit 1; }
  sleep 0.05
done
mariadb --defaults-file="$ST/my.cnf" -e "
  CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp-db-pass';
  GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';"
lap "mariadb up (pid $(cat "$ST/mariadb.pid"), socket $SOCK)"

# ---------------- WordPress config ----------------
if [[ ! -s $ST/salts.php ]]; then
  { echo '<?php'
    for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('$k', '$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')');"
    done; } > "$ST/salts.php"
fi
# The site's own address follows the Host header, so a proxy in front (another port) gets links to itself.
cat > "$ST/wp-config-local.php" <<EOF
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-db-pass');
define('DB_HOST', 'localhost:$SOCK');
define('DB_CHARSET', 'utf8mb4');
require __DIR__ . '/salts.php';
\$newsdesk_host = isset(\$_SERVER['HTTP_HOST']) ? \$_SERVER['HTTP_HOST'] : '$HOSTPORT';
define('WP_HOME', 'http://' . \$newsdesk_host);
define('WP_SITEURL', 'http://' . \$newsdesk_host);
define('WP_CONTENT_DIR', '$ST/wp-content');
define('WP_CONTENT_URL', 'http://' . \$newsdesk_host . '/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');      // enables Application Passwords over plain http
define('WP_HTTP_BLOCK_EXTERNAL', true);      // WordPress may only call itself, never the internet
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);             // no loopback cron requests competing with the tests
define('WP_DEBUG', false);
EOF
# One stub per host name, identical for every instance; written atomically (temp file + rename) so an
# instance starting next to a running one never sees a half-written file.
STUB="<?php
// Newsdesk test WordPress: each instance names its own config in its PHP processes' environment.
\$newsdesk_config = getenv('NEWSDESK_WP_CONFIG');
if (!\$newsdesk_config || !is_file(\$newsdesk_config)) { header('HTTP/1.0 500 Internal Server Error'); echo 'NEWSDESK_WP_CONFIG is not set'; exit(1); }
require \$newsdesk_config;"
for h in 127.0.0.1 localhost; do
  f="/etc/wordpress/config-$h.php"
  existing="$(cat "$f" 2>/dev/null || true)"
  # A stub of an earlier test run (ours, or one that loads a wp-config-local.php) is replaced; a real
  # site's config is never touched.
  if [[ -n $existing && $existing != "$STUB" && $existing != *wp-config-local.php* ]]; then
    echo "$f configures another WordPress on this machine; not replacing it"; exit 1
  fi
  if [[ $existing != "$STUB" ]]; then
    tmp="$(mktemp /etc/wordpress/.config-$h.XXXXXX)"
    printf '%s' "$STUB" > "$tmp" && chmod 644 "$tmp" && mv -f "$tmp" "$f"
  fi
done
export NEWSDESK_WP_CONFIG="$ST/wp-config-local.php"

# ---------------- install WordPress + application password (CLI, no web server needed) ----------------
cat > "$ST/wp-setup.php" <<'EOF'
<?php
[, $host, $user, $pass, $email, $appfile] = $argv;
$_SERVER['HTTP_HOST'] = $host; $_SERVER['SERVER_NAME'] = preg_replace('/:.*/', '', $host);
$_SERVER['REQUEST_URI'] = '/'; $_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {} // no MTA: skip mail
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    $r = wp_install('Newsdesk test site', $user, $email, true, '', wp_slash($pass));
    fwrite(STDERR, "installed, admin user_id={$r['user_id']}\n");
}
if (get_option('permalink_structure') !== '/%postname%/') {
    update_option('permalink_structure', '/%postname%/');
    update_option('default_pingback_flag', 0);
    update_option('default_ping_status', 'closed');
    flush_rewrite_rules(false);
}
$u = get_user_by('login', $user);
if (!$u) { fwrite(STDERR, "no user $user\n"); exit(1); }
if (!wp_is_application_passwords_available()) { fwrite(STDERR, "application passwords unavailable\n"); exit(1); }
if (!is_file($appfile) || !WP_Application_Passwords::get_user_application_passwords($u->ID)) {
    WP_Application_Passwords::delete_all_application_passwords($u->ID);
    $res = WP_Application_Passwords::create_new_application_password($u->ID, ['name' => 'newsdesk-tests']);
    if (is_wp_error($res)) { fwrite(STDERR, $res->get_error_message() . "\n"); exit(1); }
    file_put_contents($appfile, $res[0] . "\n");
    fwrite(STDERR, "created application password\n");
}
EOF
php "$ST/wp-setup.php" "$HOSTPORT" "$ADMIN" "$ADMIN_PASS" "admin@example.invalid" "$ST/app-password" 2>&1 \
  | sed 's/^/[wp-setup] /'
[[ -s $ST/app-password ]] || { echo "WordPress setup failed"; exit 1; }
chmod 600 "$ST/app-password"
lap "wordpress installed/configured"

# ---------------- web server: php -S with a router ----------------
cat > "$ST/router.php" <<'EOF'
<?php
$content = getenv('NEWSDESK_WP_CONTENT');
$docroot = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') !== false) { http_response_code(400); exit; }
if ($content && strncmp($path, '/wp-content/', 12) === 0) {   // Debian keeps wp-content outside the docroot
    $f = $content . substr($path, 11);
    if (is_file($f) && !preg_match('/\.php$/i', $f)) {
        $types = ['css' => 'text/css', 'js' => 'application/javascript', 'svg' => 'image/svg+xml',
                  'json' => 'application/json', 'woff2' => 'font/woff2'];
        $ext = strtolower(pathinfo($f, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$ext] ?? (mime_content_type($f) ?: 'application/octet-stream')));
        header('Content-Length: ' . filesize($f));
        readfile($f);
        return true;
    }
}
if ($path !== '/' && file_exists($docroot . $path)) return false;   // real file or script in docroot
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';       // pretty permalinks, /wp-json/...
$_SERVER['SCRIPT_FILENAME'] = $docroot . '/index.php';
chdir($docroot);
require $docroot . '/index.php';
EOF
if ! alive "$ST/php.pid"; then
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && { echo "port $PORT is already taken by something else"; exit 1; }
  rm -f "$ST/php.pid"
  NEWSDESK_WP_CONTENT="$ST/wp-content" PHP_CLI_SERVER_WORKERS=4 bg "$ST/php.pid" "$ST/php.log" php \
    -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M -d display_errors=stderr \
    -S "$HOSTPORT" -t "$DOCROOT" "$ST/router.php"
fi
for i in $(seq 1 600); do
  curl -fsS -o /dev/null "$URL/wp-json/" 2>/dev/null && break
  alive "$ST/php.pid" || { echo "php -S died:"; tail -20 "$ST/php.log"; exit 1; }
  sleep 0.05
done
curl -fsS -o /dev/null -u "$ADMIN:$(cat "$ST/app-password")" "$URL/wp-json/wp/v2/users/me" \
  || { echo "REST auth check failed"; exit 1; }
cat > "$ST/env.tmp" <<EOF
WP_URL=$URL
WP_USER=$ADMIN
WP_APP_PASSWORD='$(cat "$ST/app-password")'
EOF
mv -f "$ST/env.tmp" "$ST/env"
lap "REST API ready at $URL/wp-json/ (php pid $(cat "$ST/php.pid"))"
