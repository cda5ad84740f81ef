"""Population tables: census (ecitizen, e-Stat), 住基 age tables, the long layout and its checks."""
