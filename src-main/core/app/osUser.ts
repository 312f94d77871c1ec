// The user's name as the operating system knows it, offered as the default
// display name for the activity log. On Linux and other Unixes the full name
// is the first field of the account's GECOS entry in /etc/passwd ("Ana
// Analyst,Room 4,,"); elsewhere, and when that is empty, the login name.
//
// Trade-offs: /etc/passwd only, no NSS lookup (LDAP or sssd accounts fall
// back to the login name); "root" is never offered, since it names a machine
// account, not a person — the first-start prompt asks instead.
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'

/** The GECOS full name of `login` in a passwd file's text, or ''. */
export function gecosFullName(passwd: string, login: string): string {
  for (const line of passwd.split('\n')) {
    const f = line.split(':')
    if (f[0] === login && f.length >= 5) return (f[4] ?? '').split(',')[0]!.trim()
  }
  return ''
}

/** The OS full name, else the login name; '' when neither says more than "root". */
export function osDisplayName(): string {
  let login = ''
  try {
    login = userInfo().username
  } catch {
    return ''
  }
  let full = ''
  if (process.platform !== 'win32' && process.platform !== 'darwin') {
    try {
      full = gecosFullName(readFileSync('/etc/passwd', 'utf8'), login)
    } catch {
      // no passwd file to read: the login name it is
    }
  }
  const name = (full || login).slice(0, 100)
  return name.toLowerCase() === 'root' ? '' : name
}
