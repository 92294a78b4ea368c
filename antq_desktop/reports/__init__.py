"""Reports: statistics to the official-format PDF (reportlab), signing and verifying (pyHanko).

Built by the signed-report issue; figures always come from `services.statistics`.
"""
