"""What scripts/bench, compare and train share: the services as scripts/lib.sh names them, started by
start-local.sh; the tools (apt-get); psql; seeding; wrk with orders.lua; CPU time from /proc;
system-tests' invariants."""
import json, os, re, shutil, subprocess, sys, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, 'scripts')
INVARIANTS_SQL = os.path.join(ROOT, 'system-tests/src/test/resources/oms/system/invariants.sql')
HZ = os.sysconf('SC_CLK_TCK')
CUSTOMERS, PRODUCTS, STOCK = 50, 100, 1_000_000

# Output in the style of scripts/lib.sh.
BOLD, GREEN, YELLOW, RED, OFF = ('\033[1m', '\033[32m', '\033[33m', '\033[31m', '\033[0m') \
    if sys.stdout.isatty() and not os.environ.get('NO_COLOR') else ('',) * 5
def step(text): print(f'{BOLD}==> {text}{OFF}', flush=True)
def info(text): print(f'    {text}', flush=True)
def ok(text): print(f'    {GREEN}✔{OFF} {text}', flush=True)
def fail(text): print(f'    {RED}✘{OFF} {text}', flush=True)
def warn(text): print(f'    {YELLOW}!{OFF} {text}', file=sys.stderr, flush=True)
def die(text): sys.exit(f'{RED}✘ {text}{OFF}')


def need(tool, package):
    """Installs the Debian package when we may (root on Debian), else says how."""
    if not shutil.which(tool) and os.path.exists('/etc/debian_version') and os.geteuid() == 0:
        step(f'Installing {package} (for {tool}) with apt-get')
        subprocess.run(f'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {package}',
                       shell=True)
    if not shutil.which(tool):
        die(f'{tool} not found: install it (on Debian/Ubuntu: sudo apt-get install -y {package}) and run this again')


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ''


class System:
    """The four services under one environment as scripts/lib.sh sees them there (OMS_RUN_DIR,
    OMS_DB_SUFFIX, OMS_PORT_OFFSET): ports, databases and pid files are named in lib.sh only.
    psql and pgbench, run from here, reach PostgreSQL where lib.sh says the services do."""

    def __init__(self, env):
        self.env = dict(env)
        listing = ('source "$1"; printf "%s\\n" "$OMS_RUN_DIR" "$OMS_JAVA" "$PGHOST" "$PGPORT" "$PGUSER"; '
                   'for s in "${OMS_SERVICES[@]}"; do '
                   'echo "$s $(service_port "$s") $(service_db "$s") $(service_pidfile "$s")"; done')
        out = subprocess.run(['bash', '-c', listing, 'lib', f'{SCRIPTS}/lib.sh'], env=self.env,
                             capture_output=True, text=True)
        if out.returncode:
            die(f'scripts/lib.sh: {out.stderr.strip()}')
        self.run_dir, self.java, host, port, user, *services = out.stdout.splitlines()
        os.environ.update(PGHOST=host, PGPORT=port, PGUSER=user)
        self.services, self.port, self.db, self.pidfile = [], {}, {}, {}   # services in start order
        for line in services:
            service, port, self.db[service], self.pidfile[service] = line.split()
            self.services.append(service)
            self.port[service] = int(port)

    def url(self, service):
        return f'http://127.0.0.1:{self.port[service]}'

    def healthy(self, service, timeout=3.0):
        try:
            with urllib.request.urlopen(self.url(service) + '/health/readiness', timeout=timeout) as answer:
                return answer.status == 200
        except OSError:
            return False

    def pid(self, service):
        """The JVM start-local.sh started for the service, while it runs."""
        pid = read(self.pidfile[service]).strip()
        return int(pid) if pid.isdigit() and os.path.exists(f'/proc/{pid}') else None

    def start(self, **popen):   # builds what is stale, starts what is down, one at a time
        return subprocess.Popen([f'{SCRIPTS}/start-local.sh'], env=self.env, **popen)

    def stop(self, **run):
        return subprocess.run([f'{SCRIPTS}/stop-local.sh'], env=self.env, **run)

    def drop_databases(self):   # its four, whoever is still connected
        for db in self.db.values():
            psql('postgres', f'DROP DATABASE IF EXISTS {db} WITH (FORCE)')

    def token(self):
        """An admin token for the seeding and for wrk, valid longer than any run."""
        out = subprocess.run([f'{SCRIPTS}/token', 'admin'], env={**self.env, 'TOKEN_HOURS': '24'},
                             capture_output=True, text=True)
        if out.returncode:
            die(f'cannot make a token: {out.stderr.strip()}')
        return out.stdout.strip()


def psql(db, sql=None, script=None):
    """One statement, or a script on stdin; returns psql's output: unaligned, a tab between fields."""
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\t', '-d', db]
                         + (['-c', sql] if sql else ['-f', '-']), input=script, capture_output=True, text=True)
    if out.returncode:
        die(f'psql on {db}: {out.stderr.strip()}')
    return out.stdout


def rows(db, sql):
    return [line.split('\t') for line in psql(db, sql).splitlines()]


def vacuum(system):
    """VACUUM ANALYZE of the four databases, as pgbench -i does for its tables: dead rows of earlier
    runs (all of them where autovacuum is off) slow every update and order-service's recovery scan.
    Returns [(database, seconds)]."""
    took = []
    for db in system.db.values():
        began = time.time()
        psql(db, 'VACUUM ANALYZE')
        took.append((db, time.time() - began))
    return took


def invariant_violations(system):
    """system-tests' invariants, from their one copy (invariants.sql), one line per broken rule."""
    parts = re.split(r'(?m)^-- @(\w+).*\n', read(INVARIANTS_SQL))   # [preamble, name, sql, name, sql, ...]
    sql = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}
    script = sql['tables']
    for table, service in (('orders', 'order-service'), ('payment', 'payment-service')):
        script += f'\nCOPY {table} FROM STDIN;\n' + psql(system.db[service], f'COPY ({sql[table]}) TO STDOUT') + '\\.\n'
    return psql(system.db['inventory-service'], script=script + sql['violations']).splitlines()


def call(method, url, body, token):
    """JSON over HTTP; returns (status, decoded answer)."""
    request = urllib.request.Request(url, json.dumps(body).encode(), method=method, headers={
        'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors='replace')


def seed(system, token, tag, work):
    """50 new customers (e-mail addresses carry the tag); 100 products BENCH-001..100, created once
    and reused: price reset to 1.99-40.99, stock topped up to 10^6 when below half of it. Writes the
    ids and skus for orders.lua into work; returns (products created, products topped up)."""
    customers = system.url('customer-service') + '/api/v1/customers'
    products = system.url('inventory-service') + '/api/v1/products'
    ids = []
    for i in range(1, CUSTOMERS + 1):
        customer = {'name': f'Bench customer {i}', 'email': f'{tag}-{i}@bench.example.com'}
        status, answer = call('POST', customers, customer, token)
        if status != 201:
            die(f'creating a customer: HTTP {status}: {answer}')
        ids.append(answer['id'])
    created = topped_up = 0
    for i in range(1, PRODUCTS + 1):
        sku, price = f'BENCH-{i:03d}', float(f'{i % 40 + 1}.99')
        product = {'sku': sku, 'name': f'Bench product {i}', 'unitPrice': price, 'available': STOCK}
        status, answer = call('POST', products, product, token)
        if status == 201:
            created += 1
        elif status == 409:   # made by an earlier run
            status, answer = call('PATCH', f'{products}/{sku}', {'unitPrice': price}, token)
            if status == 200 and answer['available'] < STOCK // 2:
                status, answer = call('PUT', f'{products}/{sku}/stock', {'available': STOCK}, token)
                topped_up += 1
        if status not in (200, 201):
            die(f'creating or resetting product {sku}: HTTP {status}: {answer}')
    with open(f'{work}/customers.txt', 'w') as f:
        f.write('\n'.join(ids) + '\n')
    with open(f'{work}/skus.txt', 'w') as f:
        f.write(''.join(f'BENCH-{i:03d}\n' for i in range(1, PRODUCTS + 1)))
    return created, topped_up


def start_wrk(system, work, name, clients, seconds, threads, token, key_prefix):
    """wrk with orders.lua against order-service: the counts go to <work>/<name>.result, the order
    ids of 201/202 answers to <name>.ids, and every Idempotency-Key starts with key_prefix."""
    env = {**os.environ, 'BENCH_TOKEN': token, 'BENCH_KEY_PREFIX': key_prefix,
           'BENCH_CUSTOMERS_FILE': f'{work}/customers.txt', 'BENCH_SKUS_FILE': f'{work}/skus.txt',
           'BENCH_RESULT': f'{work}/{name}.result', 'BENCH_IDS': f'{work}/{name}.ids'}
    return subprocess.Popen(['wrk', '-t', str(min(clients, threads)), '-c', str(clients), '-d', f'{seconds}s',
                             '--timeout', '30s', '--latency', '-s', f'{SCRIPTS}/bench.d/orders.lua',
                             system.url('order-service')],
                            env=env, stdout=open(f'{work}/{name}.out', 'w'), stderr=subprocess.STDOUT)


def wrk_result(work, name):
    """orders.lua's NAME=value lines, whole numbers as numbers."""
    lines = read(f'{work}/{name}.result').splitlines()
    if not lines:
        die(f'wrk wrote no result: see {work}/{name}.out')
    return {key: int(value) if value.isdigit() else value for key, value in (line.split('=', 1) for line in lines)}


def errors(result):   # answers outside 2xx and wrk's socket errors
    return sum(result[key] for key in ('non_2xx', 'err_connect', 'err_read', 'err_write', 'err_timeout'))


def stat_ticks(stat):   # utime + stime from a /proc .../stat file, or None when it is gone
    fields = read(stat).rsplit(')', 1)[-1].split()
    return int(fields[11]) + int(fields[12]) if len(fields) > 12 else None


def cpu_ticks(pid):   # of the whole process
    return stat_ticks(f'/proc/{pid}/stat')


def jit_ticks(pid):
    """utime + stime of the JVM's JIT compiler threads (C1 and C2), or None when the process is gone.
    A compiler thread that ends while being read counts nothing."""
    try:
        tids = os.listdir(f'/proc/{pid}/task')
    except FileNotFoundError:
        return None
    return sum(stat_ticks(f'/proc/{pid}/task/{tid}/stat') or 0 for tid in tids
               if read(f'/proc/{pid}/task/{tid}/comm').startswith(('C1 CompilerThre', 'C2 CompilerThre')))


def postgres_pids(system=None):
    """Every PostgreSQL process (the WAL writer and checkpointer too), or only the backends serving
    the system's databases."""
    if system is None:
        return [int(p) for p in os.listdir('/proc') if p.isdigit() and read(f'/proc/{p}/comm') == 'postgres\n']
    names = ','.join(f"'{db}'" for db in system.db.values())
    return [int(pid) for pid, in rows('postgres', f'SELECT pid FROM pg_stat_activity WHERE datname IN ({names})')]


def cpu_snapshot(groups):
    """{(group, pid): ticks} for groups = {name: [pid, ...]}."""
    return {(name, pid): cpu_ticks(pid) for name, pids in groups.items() for pid in pids}


def cpu_between(before, after):
    """Ticks per group between two snapshots: a process born in between counts whole; one that ended
    in between is lost (PostgreSQL's backends live as long as the services' pools)."""
    spent = {}
    for (name, pid), ticks in after.items():
        if ticks is not None:
            spent[name] = spent.get(name, 0) + ticks - (before.get((name, pid)) or 0)
    return spent


def ms_per_order(ticks, orders):
    return ticks * 1000 / HZ / orders if orders else None
