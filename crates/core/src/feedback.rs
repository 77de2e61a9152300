//! The public's way back to the organisation (监督与反馈): `tel:` and `mailto:` links built from
//! the channels the data publishes, and a question about one problem or record as an e-mail the
//! citizen's own mail program opens, prefilled. Nothing is sent by the site.

/// `s` percent-encoded for a URI's query or path: every byte but the unreserved characters of
/// RFC 3986 (`A-Z a-z 0-9 - . _ ~`), so Chinese text, spaces, line breaks, `&`, `=`, `?` and
/// `#` all survive a mail program's parsing (RFC 6068).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An address a `mailto:` link can carry: one `local@domain`, no spaces, no characters that
/// would start another header or address.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
                && s.matches('@').count() == 1
        }
        None => false,
    }
}

/// `mailto:` to `to` with the subject and body prefilled (line breaks as CRLF, as RFC 6068
/// asks), or `None` when `to` is not one e-mail address.
pub fn mailto(to: &str, subject: &str, body: &str) -> Option<String> {
    let to = to.trim();
    if !is_email(to) {
        return None;
    }
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    Some(format!("mailto:{to}?subject={}&body={}", percent_encode(subject), percent_encode(&body)))
}

/// `mailto:` to `to` with nothing prefilled (a plain address link), or `None` when `to` is not
/// one e-mail address.
pub fn mail_to(to: &str) -> Option<String> {
    let to = to.trim();
    is_email(to).then(|| format!("mailto:{to}"))
}

/// `tel:` for a published phone number (`0715-8111755`, `+86 715 8111755`): its digits, with a
/// leading `+` and `-` separators kept; `None` when it has fewer than five digits or other
/// characters than digits, spaces, `-`, `+`, `(` and `)`.
pub fn tel(phone: &str) -> Option<String> {
    let phone = phone.trim();
    if !phone.chars().all(|c| c.is_ascii_digit() || " -+()（）".contains(c)) || phone.chars().filter(char::is_ascii_digit).count() < 5 {
        return None;
    }
    let mut out = String::from("tel:");
    for (i, c) in phone.chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '-' | ' ' if !out.ends_with(['-', ':', '+']) => out.push('-'),
            c if c.is_ascii_digit() => out.push(c),
            _ => {}
        }
    }
    Some(out.trim_end_matches('-').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_encodes_every_reserved_character_and_chinese_text() {
        let m = mailto(" 1024209303@qq.com ", "对问题 5 的疑问", "链接：https://x.org/a/?page=rectification&open=5#p\n我的疑问：").unwrap();
        assert!(m.starts_with("mailto:1024209303@qq.com?subject=%E5%AF%B9%E9%97%AE%E9%A2%98%205%20"), "{m}");
        assert!(m.contains("%3Fpage%3Drectification%26open%3D5%23p%0D%0A"), "the permalink's ? & = # and the line break encoded: {m}");
        assert_eq!(m.matches('&').count(), 1, "only the separator between subject and body");
        assert!(!m.contains(' ') && !m.contains('\n'));
        // Decodes back to what went in.
        let body = m.split("&body=").nth(1).unwrap();
        let bytes: Vec<u8> = {
            let b = body.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'%' {
                    out.push(u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap());
                    i += 3;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            out
        };
        assert_eq!(String::from_utf8(bytes).unwrap(), "链接：https://x.org/a/?page=rectification&open=5#p\r\n我的疑问：");
    }

    #[test]
    fn only_one_plain_address_makes_a_link() {
        for bad in ["", "a", "a@b", "a@b.", "@b.cn", "a b@c.cn", "a@b.cn,c@d.cn", "a@b.cn?cc=x@y.cn", "a@@b.cn", "a@b.cn\r\nBcc: x@y.cn"] {
            assert_eq!(mailto(bad, "s", "b"), None, "{bad:?}");
        }
        assert!(mailto("office.rc-1+q@mail.example.cn", "s", "b").is_some());
        assert_eq!(mail_to(" a@b.cn ").as_deref(), Some("mailto:a@b.cn"));
        assert_eq!(mail_to("a@b.cn?bcc=c@d.cn"), None);
    }

    #[test]
    fn tel_keeps_digits_plus_and_separators() {
        assert_eq!(tel("0715-8111755").as_deref(), Some("tel:0715-8111755"));
        assert_eq!(tel(" +86 (715) 811 1755 ").as_deref(), Some("tel:+86-715-811-1755"));
        assert_eq!(tel("0715 8111755 转 8"), None);
        assert_eq!(tel("1234"), None);
        assert_eq!(tel("javascript:alert(1)"), None);
    }
}
