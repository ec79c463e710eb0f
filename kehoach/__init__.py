"""kehoach: Vietnamese administrative plans (Kế hoạch) from YAML specs, checked and rendered."""
