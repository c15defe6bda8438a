"""Printouts as PDF (reportlab): covers, labels, tables, record pages, sign-in sheets,
the dues register and whole binders."""

from reportlab import rl_config

# Binary streams, not ASCII85: a binder full of photos would otherwise grow by a quarter
# (and keep the encoded copy in memory until saved). Nobody mails PDFs as 7-bit text now.
rl_config.useA85 = 0
